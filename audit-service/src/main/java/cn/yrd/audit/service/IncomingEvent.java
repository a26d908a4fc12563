package cn.yrd.audit.service;

import java.time.Instant;
import java.util.UUID;

/** An event as the audit log stores it: where it was read, its CloudEvent attributes, its bytes. */
public record IncomingEvent(
    UUID eventId,
    String topic,
    int partition,
    long offset,
    String type,
    String source,
    String subject,
    String province,
    Long sequence,
    Instant time,
    String payload,
    String correlationId) {}
