package cn.yrd.registry.service;

import cn.yrd.contracts.registry.Change;
import cn.yrd.registry.api.DecisionRequest;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import java.time.LocalDate;

/** Checks a dated decision: date not in the future, reason given, number when one is required. */
public final class DecisionRules {
  private DecisionRules() {}

  /** The decision as a {@link Change}, or a 422 problem naming every failed field. */
  public static Change check(DecisionRequest decision, LocalDate today, boolean numberRequired) {
    ValidationOutcome outcome = new ValidationOutcome();
    if (decision == null) {
      outcome.error("", "a body with date and reason is required");
      outcome.throwIfInvalid();
    }
    RegistrationRules.checkPastDate(outcome, "date", decision.date(), today, true);
    String reason =
        TextRules.required(outcome, "reason", decision.reason(), RegistrationRules.TEXT_MAX);
    String number =
        numberRequired
            ? TextRules.required(
                outcome, "decisionNumber", decision.decisionNumber(), RegistrationRules.NAME_MAX)
            : TextRules.optional(
                outcome, "decisionNumber", decision.decisionNumber(), RegistrationRules.NAME_MAX);
    outcome.throwIfInvalid();
    return Change.simple(decision.date(), number, reason);
  }
}
