package cn.yrd.contracts.recognition;

import cn.yrd.contracts.Province;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A mutual-recognition request and its decision, as published on {@code yrd.recognition.v1}.
 *
 * @param reasons machine-readable reasons for the current status, e.g. {@code ABNORMAL_LISTED}
 * @param recognizedGrade the grade recognized at the home's current level and expiry, null if none
 * @param ruleIds the rulebook's IDs of the rules behind the reasons, in their order (docs/rules.md)
 */
public record RecognitionState(
    UUID id,
    String uscc,
    Province homeProvince,
    Province hostProvince,
    RecognitionScope scope,
    RecognitionStatus status,
    List<String> reasons,
    RecognizedGrade recognizedGrade,
    String requestedBy,
    OffsetDateTime requestedAt,
    String decidedBy,
    OffsetDateTime decidedAt,
    String note,
    List<String> ruleIds) {

  /** A grade recognized in the host province, valid until its expiry. */
  public record RecognizedGrade(int level, LocalDate expiresOn) {}
}
