package cn.yrd.registry.api;

import cn.yrd.contracts.registry.InspectionResult;
import cn.yrd.contracts.registry.PenaltyKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of supervision writes (监管). */
public final class SupervisionRequests {
  private SupervisionRequests() {}

  /** 行政处罚. */
  @Schema(description = "An administrative penalty (行政处罚).")
  public record PenaltyRequest(
      @Schema(required = true, example = "FINE") PenaltyKind kind,
      @Schema(required = true, example = "2026-03-15") LocalDate date,
      @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民罚决字〔2026〕15号")
          String decisionNumber,
      @Schema(required = true, maxLength = TextLimits.TEXT, example = "违规收取会费") String reason,
      @Schema(description = "For FINE: the amount in CNY", example = "20000") BigDecimal fineAmount,
      @Schema(
              description = "For STOP_ACTIVITIES: the day activities may resume",
              example = "2026-06-15")
          LocalDate stopUntil) {}

  /** Putting an organization on the abnormal or serious list. */
  @Schema(description = "A listing decision (列入决定).")
  public record ListingRequest(
      @Schema(
              required = true,
              description = "AbnormalListReason or SeriousListReason value",
              example = "ANNUAL_REPORT_MISSING")
          String reasonCode,
      @Schema(required = true, example = "2026-05-01") LocalDate date,
      @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民异〔2026〕8号")
          String decisionNumber,
      @Schema(required = true, maxLength = TextLimits.TEXT, example = "未按时提交2025年度工作报告")
          String reason) {}

  /** 年检 / 年报. */
  @Schema(description = "An annual inspection result (年检结论).")
  public record InspectionRequest(
      @Schema(required = true, example = "2025") Integer year,
      @Schema(required = true, example = "QUALIFIED") InspectionResult result,
      @Schema(required = true, example = "2026-04-30") LocalDate date,
      @Schema(maxLength = TextLimits.NAME, example = "沪民检〔2026〕2号") String decisionNumber) {}

  /** 评估等级 award. */
  @Schema(description = "A grade award (评估等级); valid five years from the award date.")
  public record GradeRequest(
      @Schema(required = true, minimum = "1", maximum = "5", example = "5") Integer level,
      @Schema(required = true, example = "2026-01-20") LocalDate awardedOn,
      @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民评〔2026〕1号")
          String decisionNumber,
      @Schema(maxLength = TextLimits.TEXT, example = "2025年度社会组织等级评估") String reason) {}

  /** 降低等级: a lower level that keeps the award's expiry. */
  @Schema(description = "A downgrade (降低等级); the grade keeps its original expiry.")
  public record DowngradeRequest(
      @Schema(required = true, minimum = "1", maximum = "4", example = "3") Integer level,
      @Schema(required = true, example = "2026-09-01") LocalDate date,
      @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民评降〔2026〕2号")
          String decisionNumber,
      @Schema(required = true, maxLength = TextLimits.TEXT, example = "年检不合格") String reason) {}
}
