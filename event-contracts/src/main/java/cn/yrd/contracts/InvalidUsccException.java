package cn.yrd.contracts;

/** Thrown when a string that must be a USCC is not one; carries the rule that failed. */
public class InvalidUsccException extends IllegalArgumentException {
  private final transient UsccViolation violation;

  public InvalidUsccException(UsccViolation violation) {
    super(violation.message());
    this.violation = violation;
  }

  public UsccViolation violation() {
    return violation;
  }
}
