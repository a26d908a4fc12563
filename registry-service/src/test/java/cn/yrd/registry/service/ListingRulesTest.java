package cn.yrd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The credit lists (民政部令第60号): R-LIST-01 to 04. */
class ListingRulesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  private static ListingRules.PastPenalty penalty(PenaltyKind kind, String fine, LocalDate on) {
    return new ListingRules.PastPenalty(kind, fine == null ? null : new BigDecimal(fine), on);
  }

  static Stream<Arguments> penalties() {
    ListingRules.PastPenalty earlierWarning = penalty(PenaltyKind.WARNING, null, DAY.minusYears(2));
    ListingRules.PastPenalty oldWarning = penalty(PenaltyKind.WARNING, null, DAY.minusYears(3));
    return Stream.of(
        Arguments.of(
            penalty(PenaltyKind.WARNING, null, DAY), List.of(), "ABNORMAL WARNING_OR_SMALL_FINE"),
        Arguments.of(
            penalty(PenaltyKind.FINE, "49999.99", DAY),
            List.of(),
            "ABNORMAL WARNING_OR_SMALL_FINE"),
        Arguments.of(penalty(PenaltyKind.FINE, "50000", DAY), List.of(), "SERIOUS LARGE_FINE"),
        Arguments.of(
            penalty(PenaltyKind.STOP_ACTIVITIES, null, DAY),
            List.of(),
            "SERIOUS STOP_ACTIVITIES_ORDERED"),
        Arguments.of(
            penalty(PenaltyKind.CERTIFICATE_REVOCATION, null, DAY),
            List.of(),
            "SERIOUS REVOCATION"),
        Arguments.of(penalty(PenaltyKind.CONFISCATION, null, DAY), List.of(), ""),
        Arguments.of(
            penalty(PenaltyKind.FINE, "1000", DAY),
            List.of(earlierWarning),
            "SERIOUS REPEATED_MINOR_PENALTIES"),
        Arguments.of(
            penalty(PenaltyKind.WARNING, null, DAY),
            List.of(oldWarning),
            "ABNORMAL WARNING_OR_SMALL_FINE"));
  }

  @ParameterizedTest(name = "{0} after {1}: {2}")
  @MethodSource("penalties")
  void aPenaltyBringsTheListingTheLawAttachesToIt(
      ListingRules.PastPenalty penalty, List<ListingRules.PastPenalty> earlier, String expected) {
    List<ListingRules.PastPenalty> onRecord = new ArrayList<>(earlier);
    onRecord.add(penalty);
    assertThat(
            ListingRules.requiredBy(penalty, onRecord)
                .map(l -> l.list() + " " + l.reasonCode())
                .orElse(""))
        .isEqualTo(expected);
  }

  static Stream<Arguments> reasons() {
    List<ListingRules.PastPenalty> largeFine = List.of(penalty(PenaltyKind.FINE, "80000", DAY));
    List<ListingRules.PastPenalty> smallFine = List.of(penalty(PenaltyKind.FINE, "8000", DAY));
    return Stream.of(
        Arguments.of("LARGE_FINE", largeFine, OrgStatus.ACTIVE, null, true),
        Arguments.of("LARGE_FINE", smallFine, OrgStatus.ACTIVE, null, false),
        Arguments.of(
            "LARGE_FINE",
            List.of(penalty(PenaltyKind.FINE, "80000", DAY.plusDays(1))),
            OrgStatus.ACTIVE,
            null,
            false),
        Arguments.of("WARNING_OR_SMALL_FINE", smallFine, OrgStatus.ACTIVE, null, true),
        Arguments.of("WARNING_OR_SMALL_FINE", largeFine, OrgStatus.ACTIVE, null, false),
        Arguments.of("STOP_ACTIVITIES_ORDERED", smallFine, OrgStatus.ACTIVE, null, false),
        Arguments.of("REVOCATION", List.of(), OrgStatus.REVOKED, null, true),
        Arguments.of("REVOCATION", List.of(), OrgStatus.ACTIVE, null, false),
        Arguments.of(
            "ABNORMAL_LIST_TWO_YEARS", List.of(), OrgStatus.ACTIVE, DAY.minusYears(2), true),
        Arguments.of(
            "ABNORMAL_LIST_TWO_YEARS",
            List.of(),
            OrgStatus.ACTIVE,
            DAY.minusYears(2).plusDays(1),
            false),
        Arguments.of("ABNORMAL_LIST_TWO_YEARS", List.of(), OrgStatus.ACTIVE, null, false),
        Arguments.of("ANNUAL_REPORT_MISSING", List.of(), OrgStatus.ACTIVE, null, true),
        Arguments.of("DISHONEST_JUDGEMENT_DEBTOR", List.of(), OrgStatus.ACTIVE, null, true));
  }

  @ParameterizedTest(name = "{0} with {1}, {2}, abnormal since {3}: matches {4}")
  @MethodSource("reasons")
  void aListingsReasonMatchesWhatCausedIt(
      String reason,
      List<ListingRules.PastPenalty> onRecord,
      OrgStatus status,
      LocalDate abnormalSince,
      boolean matches) {
    Optional<String> mismatch =
        ListingRules.reasonMismatch(
            reason, DAY, onRecord, status, Optional.ofNullable(abnormalSince));
    assertThat(mismatch.isEmpty()).isEqualTo(matches);
    mismatch.ifPresent(why -> assertThat(why).startsWith("R-LIST-01"));
  }

  @ParameterizedTest(name = "listed {0}: anniversary {1}")
  @CsvSource({"2024-06-01, 2026-06-01", "2024-02-29, 2026-02-28"})
  void anAbnormalListingTurnsSeriousOnItsSecondAnniversary(
      LocalDate listed, LocalDate anniversary) {
    assertThat(ListingRules.anniversary(listed)).isEqualTo(anniversary);
  }

  @Test
  void aPenaltyDuringASeriousListingRestartsItsCleanPeriod() {
    LocalDate from = LocalDate.of(2025, 1, 10);
    assertThat(ListingRules.cleanSince(from, List.of())).isEqualTo(from);
    assertThat(
            ListingRules.cleanSince(
                from,
                List.of(
                    penalty(PenaltyKind.WARNING, null, LocalDate.of(2024, 5, 1)),
                    penalty(PenaltyKind.WARNING, null, LocalDate.of(2025, 8, 1)))))
        .isEqualTo(LocalDate.of(2025, 8, 1));
  }
}
