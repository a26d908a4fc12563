package cn.yrd.support.validation;

/** Rules every free-text field of a record obeys. */
public final class TextRules {
  private TextRules() {}

  /** Checks a required text field; returns the trimmed value or null after recording an error. */
  public static String required(
      ValidationOutcome outcome, String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      outcome.error(field, "is required");
      return null;
    }
    return optional(outcome, field, value, maxLength);
  }

  /** Checks an optional text field; blank counts as absent. */
  public static String optional(
      ValidationOutcome outcome, String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
      outcome.error(field, "must be at most " + maxLength + " characters");
      return null;
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      outcome.error(field, "must not contain control characters");
      return null;
    }
    return trimmed;
  }
}
