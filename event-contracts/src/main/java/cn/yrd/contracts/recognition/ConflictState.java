package cn.yrd.contracts.recognition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conflict as published on {@code yrd.recognition.v1}.
 *
 * @param conditionKey identifies the condition; at most one open conflict per key
 * @param evidence the records, provinces and field values that make the condition hold
 * @param resolution AUTO when the condition stopped holding, OFFICER when a person closed it
 * @param ruleId the rulebook's ID of the rule behind the condition (docs/rules.md)
 * @param resolutionReason for AUTO: what ended the condition ({@code RECORDS_CHANGED} by an event,
 *     or a date: {@code BAR_ENDED}, {@code GRADE_EXPIRED})
 */
public record ConflictState(
    UUID id,
    ConflictType type,
    Severity severity,
    ConflictStatus status,
    String conditionKey,
    List<String> usccs,
    List<String> provinces,
    Map<String, Object> evidence,
    OffsetDateTime openedAt,
    OffsetDateTime updatedAt,
    String acknowledgedBy,
    String closedBy,
    String resolution,
    String note,
    String ruleId,
    String resolutionReason) {}
