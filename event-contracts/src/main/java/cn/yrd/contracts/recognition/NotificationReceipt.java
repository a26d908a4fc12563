package cn.yrd.contracts.recognition;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 预警回执: a province acknowledged a notification; published so that the audit log keeps who
 * acknowledged what, and when.
 *
 * @param province the province the notification was addressed to
 * @param kind CONFLICT_OPENED, CONFLICT_CLOSED or RECOGNITION_DECIDED
 * @param ruleId the rulebook's ID of the rule behind what happened
 */
public record NotificationReceipt(
    UUID notificationId,
    String province,
    String kind,
    String uscc,
    String ruleId,
    Severity severity,
    OffsetDateTime notifiedAt,
    String acknowledgedBy,
    OffsetDateTime acknowledgedAt) {}
