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

  /** 变更登记: the fields an amendment changed. */
  public static Change amendment(
      LocalDate date, String decisionNumber, String reason, List<String> amendedFields) {
    return new Change(
        date, decisionNumber, reason, amendedFields, null, null, null, null, null, null, null);
  }

  /** 行政处罚: a penalty, with its fine (CNY) or the day an order to stop activities ends. */
  public static Change penalty(
      LocalDate date,
      String decisionNumber,
      String reason,
      PenaltyKind kind,
      BigDecimal fineAmount,
      LocalDate stopUntil) {
    return new Change(
        date, decisionNumber, reason, null, kind, fineAmount, stopUntil, null, null, null, null);
  }

  /** 列入名录: a listing, with its statutory reason code. */
  public static Change listing(
      LocalDate date, String decisionNumber, String reason, String listReason) {
    return new Change(
        date, decisionNumber, reason, null, null, null, null, listReason, null, null, null);
  }

  /** 年检: an annual inspection of one year. */
  public static Change inspection(
      LocalDate date, String decisionNumber, String reason, Integer year, InspectionResult result) {
    return new Change(
        date, decisionNumber, reason, null, null, null, null, null, year, result, null);
  }

  /** 迁入 or 迁出: a transfer, with the province it came from or went to. */
  public static Change transfer(
      LocalDate date, String decisionNumber, String reason, Province otherProvince) {
    return new Change(
        date, decisionNumber, reason, null, null, null, null, null, null, null, otherProvince);
  }
}
