package cn.yrd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.registry.InspectionResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 评估等级: award eligibility, downgrades and the reviews that fall due (R-GRADE-02 to 04). */
class GradeRulesTest {
  private static final LocalDate ESTABLISHED = LocalDate.of(2019, 5, 20);
  private static final LocalDate AWARD = LocalDate.of(2026, 6, 1);

  private static GradeRules.Inspection inspection(int year, InspectionResult result) {
    return new GradeRules.Inspection(year, result, LocalDate.of(year + 1, 4, 30));
  }

  static Stream<Arguments> awards() {
    List<GradeRules.Inspection> good = List.of(inspection(2025, InspectionResult.QUALIFIED));
    return Stream.of(
        Arguments.of(
            "clean, with last year's inspection", false, false, null, good, ESTABLISHED, true),
        Arguments.of("abnormal-listed", true, false, null, good, ESTABLISHED, false),
        Arguments.of("serious-listed", false, true, null, good, ESTABLISHED, false),
        Arguments.of(
            "penalized the day after a year before",
            false,
            false,
            LocalDate.of(2025, 6, 2),
            good,
            ESTABLISHED,
            false),
        Arguments.of(
            "penalized exactly a year before",
            false,
            false,
            LocalDate.of(2025, 6, 1),
            good,
            ESTABLISHED,
            true),
        Arguments.of(
            "last year's inspection missing", false, false, null, List.of(), ESTABLISHED, false),
        Arguments.of(
            "last year's inspection unqualified",
            false,
            false,
            null,
            List.of(inspection(2025, InspectionResult.UNQUALIFIED)),
            ESTABLISHED,
            false),
        Arguments.of(
            "last year's inspection not filed",
            false,
            false,
            null,
            List.of(inspection(2025, InspectionResult.NOT_FILED)),
            ESTABLISHED,
            false),
        Arguments.of(
            "last year's inspection basically qualified",
            false,
            false,
            null,
            List.of(inspection(2025, InspectionResult.BASICALLY_QUALIFIED)),
            ESTABLISHED,
            true),
        Arguments.of(
            "established this year: no inspection expected yet",
            false,
            false,
            null,
            List.of(),
            LocalDate.of(2026, 1, 10),
            true));
  }

  @ParameterizedTest(name = "{0}: eligible {6}")
  @MethodSource("awards")
  void awardEligibility(
      String name,
      boolean abnormal,
      boolean serious,
      LocalDate penalty,
      List<GradeRules.Inspection> inspections,
      LocalDate established,
      boolean eligible) {
    Optional<String> block =
        GradeRules.awardBlock(
            abnormal, serious, Optional.ofNullable(penalty), AWARD, 1, established, inspections);
    assertThat(block.isEmpty()).isEqualTo(eligible);
    block.ifPresent(why -> assertThat(why).startsWith("R-GRADE-02"));
  }

  @ParameterizedTest(name = "{0}A to {1}A: allowed {2}")
  @CsvSource({
    "5, 4, true",
    "5, 1, true",
    "3, 3, false",
    "3, 4, false",
    ", 2, false",
    "2, 0, false"
  })
  void aDowngradeGoesBelowTheCurrentLevel(Integer current, int level, boolean allowed) {
    assertThat(GradeRules.downgradeBlock(current, level).isEmpty()).isEqualTo(allowed);
  }

  static Stream<Arguments> reviews() {
    LocalDate awarded = LocalDate.of(2024, 1, 10);
    LocalDate expires = awarded.plusYears(5);
    LocalDate today = LocalDate.of(2026, 11, 27);
    return Stream.of(
        Arguments.of(
            "nothing since the award", expires, awarded, List.of(), List.of(), today, null),
        Arguments.of(
            "a penalty before the award",
            expires,
            awarded,
            List.of(LocalDate.of(2023, 5, 1)),
            List.of(),
            today,
            null),
        Arguments.of(
            "a penalty after the award",
            expires,
            awarded,
            List.of(LocalDate.of(2025, 5, 1)),
            List.of(),
            today,
            GradeRules.PENALIZED),
        Arguments.of(
            "an unqualified inspection after the award",
            expires,
            awarded,
            List.of(),
            List.of(inspection(2024, InspectionResult.UNQUALIFIED)),
            today,
            GradeRules.UNQUALIFIED_INSPECTION),
        Arguments.of(
            "one basically qualified inspection",
            expires,
            awarded,
            List.of(),
            List.of(inspection(2024, InspectionResult.BASICALLY_QUALIFIED)),
            today,
            null),
        Arguments.of(
            "basically qualified two years running",
            expires,
            awarded,
            List.of(),
            List.of(
                inspection(2024, InspectionResult.BASICALLY_QUALIFIED),
                inspection(2025, InspectionResult.BASICALLY_QUALIFIED)),
            today,
            GradeRules.BASICALLY_QUALIFIED_TWICE),
        Arguments.of(
            "a penalty already answered by a downgrade",
            expires,
            LocalDate.of(2025, 6, 1),
            List.of(LocalDate.of(2025, 5, 1)),
            List.of(),
            today,
            null),
        Arguments.of(
            "a penalty, but the grade has expired",
            today,
            awarded,
            List.of(LocalDate.of(2025, 5, 1)),
            List.of(),
            today,
            null));
  }

  @ParameterizedTest(name = "{0}: {6}")
  @MethodSource("reviews")
  void aReviewIsDueAfterAPenaltyOrPoorInspections(
      String name,
      LocalDate expires,
      LocalDate decided,
      List<LocalDate> penalties,
      List<GradeRules.Inspection> inspections,
      LocalDate today,
      String trigger) {
    assertThat(
            GradeRules.reviewDue(expires, decided, penalties, inspections, today)
                .map(GradeRules.ReviewDue::trigger))
        .isEqualTo(Optional.ofNullable(trigger));
  }
}
