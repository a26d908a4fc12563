package cn.yrd.recognition.service.view;

import cn.yrd.contracts.registry.RegistryEvent;

/** A registry event that passed every check, with where it came from. */
public record ParsedEvent(
    EventMeta meta,
    RegistryEvent event,
    String payload,
    String topic,
    int partition,
    long offset) {}
