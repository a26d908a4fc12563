package cn.yrd.recognition.service.recognition;

import cn.yrd.contracts.recognition.RecognitionScope;
import cn.yrd.contracts.recognition.RecognitionState.RecognizedGrade;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.recognition.service.view.OrgSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The automatic decision on a mutual-recognition request (登记互认; docs/rules.md, R-RECOG-01 to 05).
 */
public final class RecognitionRules {
  public static final String HOME_RECORD_MISSING = "HOME_RECORD_MISSING";
  public static final String HOME_NOT_ACTIVE = "HOME_NOT_ACTIVE";
  public static final String SERIOUS_LISTED = "SERIOUS_LISTED";
  public static final String OPEN_HIGH_CONFLICT = "OPEN_HIGH_CONFLICT";
  public static final String ABNORMAL_LISTED = "ABNORMAL_LISTED";
  public static final String OPEN_MEDIUM_CONFLICT = "OPEN_MEDIUM_CONFLICT";
  public static final String NO_VALID_GRADE = "NO_VALID_GRADE";
  public static final String ALL_CHECKS_PASSED = "ALL_CHECKS_PASSED";
  public static final String HOME_REVOKED = "HOME_REVOKED";
  public static final String HOME_DEREGISTERED = "HOME_DEREGISTERED";
  public static final String HOME_TRANSFERRED_OUT = "HOME_TRANSFERRED_OUT";
  public static final String HOME_SERIOUS_LISTED = "HOME_SERIOUS_LISTED";
  public static final String HOME_ABNORMAL_LISTED = "HOME_ABNORMAL_LISTED";
  public static final String HOME_ABNORMAL_REMOVED = "HOME_ABNORMAL_REMOVED";
  public static final String GRADE_WITHDRAWN = "GRADE_WITHDRAWN";
  public static final String GRADE_EXPIRED = "GRADE_EXPIRED";
  public static final String GRADE_UPDATED = "GRADE_UPDATED";

  /** The rule each machine-readable reason applies; reasons of a person's choice have none. */
  private static final Map<String, String> RULE_OF_REASON =
      Map.ofEntries(
          Map.entry(HOME_RECORD_MISSING, RuleIds.RECOGNITION_HOME_ACTIVE),
          Map.entry(HOME_NOT_ACTIVE, RuleIds.RECOGNITION_HOME_ACTIVE),
          Map.entry(SERIOUS_LISTED, RuleIds.RECOGNITION_SERIOUS_LISTED),
          Map.entry(OPEN_HIGH_CONFLICT, RuleIds.RECOGNITION_HIGH_CONFLICT),
          Map.entry(ABNORMAL_LISTED, RuleIds.RECOGNITION_REVIEW),
          Map.entry(OPEN_MEDIUM_CONFLICT, RuleIds.RECOGNITION_REVIEW),
          Map.entry(NO_VALID_GRADE, RuleIds.RECOGNIZED_GRADE),
          Map.entry(HOME_REVOKED, RuleIds.CASCADE_REVOKE),
          Map.entry(HOME_DEREGISTERED, RuleIds.CASCADE_REVOKE),
          Map.entry(HOME_TRANSFERRED_OUT, RuleIds.CASCADE_REVOKE),
          Map.entry(HOME_SERIOUS_LISTED, RuleIds.CASCADE_REVOKE),
          Map.entry(HOME_ABNORMAL_LISTED, RuleIds.CASCADE_SUSPEND),
          Map.entry(HOME_ABNORMAL_REMOVED, RuleIds.CASCADE_SUSPEND),
          Map.entry(GRADE_WITHDRAWN, RuleIds.RECOGNIZED_GRADE),
          Map.entry(GRADE_EXPIRED, RuleIds.RECOGNIZED_GRADE),
          Map.entry(GRADE_UPDATED, RuleIds.RECOGNIZED_GRADE));

  private RecognitionRules() {}

  /** The rule IDs behind these reasons, each once, in the reasons' order. */
  public static List<String> ruleIds(List<String> reasons) {
    return reasons.stream().map(RULE_OF_REASON::get).filter(Objects::nonNull).distinct().toList();
  }

  /** The outcome with its reasons, and the grade recognized at its current level and expiry. */
  public record Decision(RecognitionStatus status, List<String> reasons, RecognizedGrade grade) {}

  /**
   * REJECTED if the home record is missing, not ACTIVE, on the serious list, or an open HIGH
   * conflict involves it; PENDING_REVIEW if it is on the abnormal list or an open MEDIUM conflict
   * involves it; GRANTED otherwise. A grade request needs a valid grade.
   */
  public static Decision decide(
      Optional<OrgSnapshot> home,
      List<Severity> openConflicts,
      RecognitionScope scope,
      LocalDate today) {
    if (home.isEmpty()) {
      return new Decision(RecognitionStatus.REJECTED, List.of(HOME_RECORD_MISSING), null);
    }
    OrgSnapshot record = home.get();
    List<String> rejections = new ArrayList<>();
    if (!record.isActive()) {
      rejections.add(HOME_NOT_ACTIVE);
    }
    if (record.seriousListed()) {
      rejections.add(SERIOUS_LISTED);
    }
    if (openConflicts.contains(Severity.HIGH)) {
      rejections.add(OPEN_HIGH_CONFLICT);
    }
    boolean graded = record.hasValidGrade(today);
    if (scope == RecognitionScope.GRADE && !graded) {
      rejections.add(NO_VALID_GRADE);
    }
    if (!rejections.isEmpty()) {
      return new Decision(RecognitionStatus.REJECTED, rejections, null);
    }
    RecognizedGrade grade =
        graded ? new RecognizedGrade(record.gradeLevel(), record.gradeExpiresOn()) : null;
    List<String> reviews = new ArrayList<>();
    if (record.abnormalListed()) {
      reviews.add(ABNORMAL_LISTED);
    }
    if (openConflicts.contains(Severity.MEDIUM)) {
      reviews.add(OPEN_MEDIUM_CONFLICT);
    }
    if (!reviews.isEmpty()) {
      return new Decision(RecognitionStatus.PENDING_REVIEW, reviews, grade);
    }
    return new Decision(RecognitionStatus.GRANTED, List.of(ALL_CHECKS_PASSED), grade);
  }
}
