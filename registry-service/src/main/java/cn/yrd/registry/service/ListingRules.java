package cn.yrd.registry.service;

import cn.yrd.contracts.registry.AbnormalListReason;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import cn.yrd.contracts.registry.SeriousListReason;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.ListKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The credit lists of 社会组织信用信息管理办法 (民政部令第60号, 2018) as pure functions: which listing a penalty
 * brings (R-LIST-03), whether a listing's reason matches what caused it (R-LIST-01), when an
 * abnormal listing turns serious (R-LIST-02) and when a serious listing's clean period ends
 * (R-LIST-04). docs/rules.md carries each rule with its article.
 */
public final class ListingRules {
  /** A fine of this many CNY or more is a serious violation; below it, an abnormal-list matter. */
  public static final BigDecimal LARGE_FINE = new BigDecimal("50000");

  /** Years on the abnormal list after which the organization goes onto the serious list. */
  public static final int ABNORMAL_YEARS = 2;

  /** Minor penalties (warnings, small fines) within this many years that make a serious matter. */
  public static final int MINOR_PENALTY_WINDOW_YEARS = 3;

  /** How many minor penalties within the window make a serious matter. */
  public static final int MINOR_PENALTIES_FOR_SERIOUS = 2;

  private ListingRules() {}

  /** A listing on one of the two lists, with its reason code. */
  public record Listing(ListKind list, String reasonCode) {}

  /** One penalty as the rules read it. */
  public record PastPenalty(PenaltyKind kind, BigDecimal fineAmount, LocalDate imposedOn) {
    boolean isMinor() {
      return kind == PenaltyKind.WARNING
          || (kind == PenaltyKind.FINE
              && fineAmount != null
              && fineAmount.compareTo(LARGE_FINE) < 0);
    }

    boolean isLargeFine() {
      return kind == PenaltyKind.FINE
          && fineAmount != null
          && fineAmount.compareTo(LARGE_FINE) >= 0;
    }
  }

  /**
   * R-LIST-03: the listing a penalty brings, given every penalty on record including this one. A
   * confiscation alone brings none.
   */
  public static Optional<Listing> requiredBy(PastPenalty penalty, List<PastPenalty> onRecord) {
    if (penalty.isLargeFine()) {
      return serious(SeriousListReason.LARGE_FINE);
    }
    return switch (penalty.kind()) {
      case STOP_ACTIVITIES -> serious(SeriousListReason.STOP_ACTIVITIES_ORDERED);
      case CERTIFICATE_REVOCATION -> serious(SeriousListReason.REVOCATION);
      case WARNING, FINE ->
          minorWithinWindow(onRecord, penalty.imposedOn()) >= MINOR_PENALTIES_FOR_SERIOUS
              ? serious(SeriousListReason.REPEATED_MINOR_PENALTIES)
              : Optional.of(
                  new Listing(ListKind.ABNORMAL, AbnormalListReason.WARNING_OR_SMALL_FINE.name()));
      case CONFISCATION -> Optional.empty();
    };
  }

  /**
   * R-LIST-01: why a listing's reason does not match the record, or empty if it does. A reason that
   * rests on a penalty needs that penalty on record on or before the listing date; revocation needs
   * a revoked organization; two years on the abnormal list need that listing.
   */
  public static Optional<String> reasonMismatch(
      String reasonCode,
      LocalDate listedOn,
      List<PastPenalty> onRecord,
      OrgStatus status,
      Optional<LocalDate> abnormalListedOn) {
    List<PastPenalty> before =
        onRecord.stream().filter(p -> !p.imposedOn().isAfter(listedOn)).toList();
    String why =
        switch (reasonCode) {
          case "WARNING_OR_SMALL_FINE" ->
              before.stream().anyMatch(PastPenalty::isMinor)
                  ? null
                  : "no warning or fine under 50,000 CNY is on record";
          case "LARGE_FINE" ->
              before.stream().anyMatch(PastPenalty::isLargeFine)
                  ? null
                  : "no fine of 50,000 CNY or more is on record";
          case "STOP_ACTIVITIES_ORDERED" ->
              before.stream().anyMatch(p -> p.kind() == PenaltyKind.STOP_ACTIVITIES)
                  ? null
                  : "no order to stop activities is on record";
          case "REPEATED_MINOR_PENALTIES" ->
              minorWithinWindow(before, listedOn) >= MINOR_PENALTIES_FOR_SERIOUS
                  ? null
                  : "fewer than two warnings or small fines within three years are on record";
          case "REVOCATION" ->
              status == OrgStatus.REVOKED
                      || before.stream()
                          .anyMatch(p -> p.kind() == PenaltyKind.CERTIFICATE_REVOCATION)
                  ? null
                  : "the organization was not revoked";
          case "ABNORMAL_LIST_TWO_YEARS" ->
              abnormalListedOn.filter(on -> !anniversary(on).isAfter(listedOn)).isPresent()
                  ? null
                  : "it has not been on the abnormal list for two full years";
          default -> null;
        };
    return Optional.ofNullable(why)
        .map(w -> RuleIds.LISTING_REASON_MATCHES + ": reason " + reasonCode + " but " + w);
  }

  /** R-LIST-02: the day an abnormal listing of {@code listedOn} turns into a serious one. */
  public static LocalDate anniversary(LocalDate listedOn) {
    return listedOn.plusYears(ABNORMAL_YEARS);
  }

  /**
   * R-LIST-04: the first day of a serious listing's clean period: its start, or the last penalty
   * imposed since, whichever is later (a new serious reason moves the start itself).
   */
  public static LocalDate cleanSince(LocalDate periodFrom, List<PastPenalty> onRecord) {
    return onRecord.stream()
        .map(PastPenalty::imposedOn)
        .filter(day -> day.isAfter(periodFrom))
        .max(Comparator.naturalOrder())
        .orElse(periodFrom);
  }

  private static int minorWithinWindow(List<PastPenalty> penalties, LocalDate upTo) {
    LocalDate from = upTo.minusYears(MINOR_PENALTY_WINDOW_YEARS);
    return (int)
        penalties.stream()
            .filter(PastPenalty::isMinor)
            .filter(p -> p.imposedOn().isAfter(from) && !p.imposedOn().isAfter(upTo))
            .count();
  }

  private static Optional<Listing> serious(SeriousListReason reason) {
    return Optional.of(new Listing(ListKind.SERIOUS, reason.name()));
  }
}
