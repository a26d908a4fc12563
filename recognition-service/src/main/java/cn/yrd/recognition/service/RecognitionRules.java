package cn.yrd.recognition.service;

import cn.yrd.contracts.recognition.RecognitionScope;
import cn.yrd.contracts.recognition.RecognitionState.RecognizedGrade;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The automatic decision on a mutual-recognition request (domain.md, 登记互认). */
public final class RecognitionRules {
  public static final String HOME_RECORD_MISSING = "HOME_RECORD_MISSING";
  public static final String HOME_NOT_ACTIVE = "HOME_NOT_ACTIVE";
  public static final String SERIOUS_LISTED = "SERIOUS_LISTED";
  public static final String OPEN_HIGH_CONFLICT = "OPEN_HIGH_CONFLICT";
  public static final String ABNORMAL_LISTED = "ABNORMAL_LISTED";
  public static final String OPEN_MEDIUM_CONFLICT = "OPEN_MEDIUM_CONFLICT";
  public static final String NO_VALID_GRADE = "NO_VALID_GRADE";
  public static final String ALL_CHECKS_PASSED = "ALL_CHECKS_PASSED";

  private RecognitionRules() {}

  /** The outcome with its reasons, and the grade recognized with its original expiry. */
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
