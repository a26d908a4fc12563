package cn.yrd.registry.service;

import cn.yrd.contracts.registry.InspectionResult;
import cn.yrd.contracts.rules.RuleIds;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 评估等级 (社会组织评估管理办法, 民政部令第39号) as pure functions: when a grade may be awarded (R-GRADE-02), what a
 * downgrade keeps (R-GRADE-03), and when a downgrade or withdrawal is due for the supervisors to
 * decide (R-GRADE-04).
 */
public final class GradeRules {
  private GradeRules() {}

  /** One year's annual inspection as the rules read it. */
  public record Inspection(int year, InspectionResult result, LocalDate recordedOn) {}

  /** Why a downgrade or withdrawal is due, and since when. */
  public record ReviewDue(String trigger, LocalDate since) {}

  /** A penalty since the grade was decided. */
  public static final String PENALIZED = "PENALIZED";

  /** An unqualified (or unfiled) annual inspection since the grade was decided. */
  public static final String UNQUALIFIED_INSPECTION = "UNQUALIFIED_INSPECTION";

  /** Two years running basically qualified, the second since the grade was decided. */
  public static final String BASICALLY_QUALIFIED_TWICE = "BASICALLY_QUALIFIED_TWICE";

  /**
   * R-GRADE-02: why an organization may not be awarded a grade on {@code awardedOn}: on either
   * list, penalized within {@code barYears} before the award, or last year's inspection missing or
   * unqualified (when the organization already existed last year).
   */
  public static Optional<String> awardBlock(
      boolean abnormalListed,
      boolean seriousListed,
      Optional<LocalDate> lastPenalty,
      LocalDate awardedOn,
      int barYears,
      LocalDate establishedOn,
      List<Inspection> inspections) {
    String why = null;
    int lastYear = awardedOn.getYear() - 1;
    Optional<InspectionResult> lastYears =
        inspections.stream().filter(i -> i.year() == lastYear).map(Inspection::result).findFirst();
    if (seriousListed) {
      why = "it is on the serious-violation list";
    } else if (abnormalListed) {
      why = "it is on the abnormal-activity list";
    } else if (lastPenalty.filter(day -> day.isAfter(awardedOn.minusYears(barYears))).isPresent()) {
      why =
          "it was penalized on "
              + lastPenalty.get()
              + ", less than "
              + barYears
              + " year(s) before the award";
    } else if (establishedOn.getYear() <= lastYear && lastYears.isEmpty()) {
      why = "its " + lastYear + " annual inspection is not on record";
    } else if (lastYears.filter(GradeRules::failed).isPresent()) {
      why = "its " + lastYear + " annual inspection was " + lastYears.get();
    }
    return Optional.ofNullable(why).map(w -> RuleIds.GRADE_ELIGIBILITY + ": " + w);
  }

  /** R-GRADE-03: why {@code level} cannot replace {@code current} as a downgrade. */
  public static Optional<String> downgradeBlock(Integer current, int level) {
    if (current == null) {
      return Optional.of(RuleIds.GRADE_DOWNGRADE + ": it holds no grade");
    }
    if (level < 1 || level >= current) {
      return Optional.of(
          RuleIds.GRADE_DOWNGRADE
              + ": a downgrade goes below the current "
              + current
              + "A, to 1A at the least");
    }
    return Optional.empty();
  }

  /**
   * R-GRADE-04: whether a downgrade or withdrawal of a grade valid on {@code today} is due: the
   * organization was penalized, unqualified at an annual inspection, or basically qualified two
   * years running, after the grade was last decided (awarded or downgraded).
   */
  public static Optional<ReviewDue> reviewDue(
      LocalDate expiresOn,
      LocalDate decidedOn,
      List<LocalDate> penalties,
      List<Inspection> inspections,
      LocalDate today) {
    if (expiresOn == null || !today.isBefore(expiresOn)) {
      return Optional.empty();
    }
    Optional<ReviewDue> penalized =
        penalties.stream()
            .filter(day -> day.isAfter(decidedOn))
            .min(Comparator.naturalOrder())
            .map(day -> new ReviewDue(PENALIZED, day));
    Optional<ReviewDue> unqualified =
        inspections.stream()
            .filter(i -> failed(i.result()) && i.recordedOn().isAfter(decidedOn))
            .map(Inspection::recordedOn)
            .min(Comparator.naturalOrder())
            .map(day -> new ReviewDue(UNQUALIFIED_INSPECTION, day));
    Optional<ReviewDue> twice =
        inspections.stream()
            .filter(i -> i.result() == InspectionResult.BASICALLY_QUALIFIED)
            .filter(i -> i.recordedOn().isAfter(decidedOn))
            .filter(
                i ->
                    inspections.stream()
                        .anyMatch(
                            p ->
                                p.year() == i.year() - 1
                                    && p.result() == InspectionResult.BASICALLY_QUALIFIED))
            .map(Inspection::recordedOn)
            .min(Comparator.naturalOrder())
            .map(day -> new ReviewDue(BASICALLY_QUALIFIED_TWICE, day));
    return java.util.stream.Stream.of(penalized, unqualified, twice)
        .flatMap(Optional::stream)
        .min(Comparator.comparing(ReviewDue::since));
  }

  private static boolean failed(InspectionResult result) {
    return result == InspectionResult.UNQUALIFIED || result == InspectionResult.NOT_FILED;
  }
}
