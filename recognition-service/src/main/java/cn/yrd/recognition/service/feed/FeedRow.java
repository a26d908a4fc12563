package cn.yrd.recognition.service.feed;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A numbered feed entry as read. */
record FeedRow(
    long position,
    UUID id,
    String kind,
    String eventType,
    String uscc,
    String provinces,
    String payload,
    OffsetDateTime recordedAt) {}
