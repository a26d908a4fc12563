package cn.yrd.contracts.registry;

import cn.yrd.contracts.Province;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened, beside the state it led to. Fields that do not apply to the event's type are null.
 *
 * @param date the day the change took effect (Asia/Shanghai)
 * @param decisionNumber 决定书文号, if the change rests on a decision
 * @param amendedFields for amendments: the fields that changed
 * @param penaltyKind for penalties
 * @param fineAmount for fines, CNY
 * @param stopUntil for orders to stop activities
 * @param listReason for list entries: an {@link AbnormalListReason} or {@link SeriousListReason}
 * @param inspectionYear for annual inspections
 * @param inspectionResult for annual inspections
 * @param otherProvince for transfers: where it went or came from
 */
public record Change(
    LocalDate date,
    String decisionNumber,
    String reason,
    List<String> amendedFields,
    PenaltyKind penaltyKind,
    BigDecimal fineAmount,
    LocalDate stopUntil,
    String listReason,
    Integer inspectionYear,
    InspectionResult inspectionResult,
    Province otherProvince) {

  /** A change that is only a date, a decision and a reason. */
  public static Change simple(LocalDate date, String decisionNumber, String reason) {
    return new Change(date, decisionNumber, reason, null, null, null, null, null, null, null, null);
  }
}
