package cn.yrd.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an organization's history: a change or supervision action and its event. */
public record HistoryView(
    UUID eventId,
    String eventType,
    LocalDate effectiveDate,
    String decisionNumber,
    String reason,
    JsonNode details,
    String actor,
    OffsetDateTime recordedAt) {}
