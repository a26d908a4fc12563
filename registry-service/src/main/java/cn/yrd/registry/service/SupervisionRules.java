package cn.yrd.registry.service;

import cn.yrd.contracts.registry.AbnormalListReason;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import cn.yrd.contracts.registry.SeriousListReason;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.api.SupervisionRequests.DowngradeRequest;
import cn.yrd.registry.api.SupervisionRequests.GradeRequest;
import cn.yrd.registry.api.SupervisionRequests.InspectionRequest;
import cn.yrd.registry.api.SupervisionRequests.ListingRequest;
import cn.yrd.registry.api.SupervisionRequests.PenaltyRequest;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The checks of supervision requests (docs/rules.md, R-LIST-04), free of storage so they can be
 * tested alone.
 */
public final class SupervisionRules {
  private SupervisionRules() {}

  public static ValidationOutcome checkPenalty(PenaltyRequest request, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    if (request.kind() == null) {
      outcome.error("kind", "is required");
    }
    checkDecision(
        outcome, "date", request.date(), request.decisionNumber(), request.reason(), today, true);
    boolean fine = request.kind() == PenaltyKind.FINE;
    if (fine && (request.fineAmount() == null || request.fineAmount().signum() <= 0)) {
      outcome.error("fineAmount", "a fine needs an amount above zero");
    } else if (fine
        && (request.fineAmount().scale() > 2 || request.fineAmount().precision() > 18)) {
      outcome.error("fineAmount", "must have at most 16 digits and 2 decimals");
    } else if (!fine && request.fineAmount() != null) {
      outcome.error("fineAmount", "only a FINE has an amount");
    }
    boolean stop = request.kind() == PenaltyKind.STOP_ACTIVITIES;
    if (stop && request.stopUntil() == null) {
      outcome.error("stopUntil", "an order to stop activities needs the day they may resume");
    } else if (stop && request.date() != null && !request.stopUntil().isAfter(request.date())) {
      outcome.error("stopUntil", "must be after the decision date");
    } else if (!stop && request.stopUntil() != null) {
      outcome.error("stopUntil", "only STOP_ACTIVITIES has an end date");
    }
    return outcome;
  }

  public static ValidationOutcome checkListing(
      ListingRequest request, ListKind list, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    Class<? extends Enum<?>> reasons =
        list == ListKind.ABNORMAL ? AbnormalListReason.class : SeriousListReason.class;
    boolean known =
        request.reasonCode() != null
            && Arrays.stream(reasons.getEnumConstants())
                .anyMatch(r -> r.name().equals(request.reasonCode()));
    if (!known) {
      outcome.error("reasonCode", "must be one of " + Arrays.toString(reasons.getEnumConstants()));
    }
    checkDecision(
        outcome, "date", request.date(), request.decisionNumber(), request.reason(), today, true);
    return outcome;
  }

  public static ValidationOutcome checkInspection(
      InspectionRequest request, LocalDate establishedOn, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    if (request.year() == null) {
      outcome.error("year", "is required");
    } else if (request.year() < establishedOn.getYear() || request.year() > today.getYear()) {
      outcome.error(
          "year",
          "must be between the establishment year "
              + establishedOn.getYear()
              + " and "
              + today.getYear());
    }
    if (request.result() == null) {
      outcome.error("result", "is required");
    }
    RegistrationRules.checkPastDate(outcome, "date", request.date(), today, true);
    TextRules.optional(
        outcome, "decisionNumber", request.decisionNumber(), RegistrationRules.NAME_MAX);
    return outcome;
  }

  public static ValidationOutcome checkDowngrade(DowngradeRequest request, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    if (request.level() == null || request.level() < 1 || request.level() > 4) {
      outcome.error("level", "must be 1 to 4 (1A-4A), below the current grade");
    }
    checkDecision(
        outcome, "date", request.date(), request.decisionNumber(), request.reason(), today, true);
    return outcome;
  }

  public static ValidationOutcome checkGrade(GradeRequest request, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    if (request.level() == null || request.level() < 1 || request.level() > 5) {
      outcome.error("level", "must be 1 to 5 (1A-5A)");
    }
    checkDecision(
        outcome,
        "awardedOn",
        request.awardedOn(),
        request.decisionNumber(),
        request.reason(),
        today,
        false);
    return outcome;
  }

  /**
   * R-LIST-04: why an organization may not leave the serious-violation list on {@code removedOn}: a
   * revoked organization only after deregistration, any other only after {@code minYears} clean
   * years counted from {@code cleanSince} (the listing, its latest new reason, or the latest
   * penalty since, whichever is last).
   */
  public static Optional<String> seriousRemovalBlock(
      OrgStatus status,
      boolean wasRevoked,
      LocalDate cleanSince,
      LocalDate removedOn,
      int minYears) {
    if (wasRevoked && status != OrgStatus.DEREGISTERED) {
      return Optional.of(
          RuleIds.SERIOUS_REMOVAL
              + ": a revoked organization leaves the serious list only after deregistration");
    }
    if (removedOn.isBefore(cleanSince.plusYears(minYears))) {
      return Optional.of(
          RuleIds.SERIOUS_REMOVAL
              + ": clean since "
              + cleanSince
              + "; removal needs "
              + minYears
              + " clean years, so not before "
              + cleanSince.plusYears(minYears));
    }
    return Optional.empty();
  }

  private static void checkDecision(
      ValidationOutcome outcome,
      String dateField,
      LocalDate date,
      String decisionNumber,
      String reason,
      LocalDate today,
      boolean reasonRequired) {
    RegistrationRules.checkPastDate(outcome, dateField, date, today, true);
    TextRules.required(outcome, "decisionNumber", decisionNumber, RegistrationRules.NAME_MAX);
    if (reasonRequired) {
      TextRules.required(outcome, "reason", reason, RegistrationRules.TEXT_MAX);
    } else {
      TextRules.optional(outcome, "reason", reason, RegistrationRules.TEXT_MAX);
    }
  }
}
