package cn.yrd.conformance;

/** How one case went. */
public record Result(Case kase, Outcome outcome, String detail) {

  /** PASSED and FAILED as usual; NOT_RUN when the target cannot take the case (a fixed clock). */
  public enum Outcome {
    PASSED,
    FAILED,
    NOT_RUN
  }

  @Override
  public String toString() {
    return outcome + "  " + kase + (detail == null ? "" : "\n        " + detail);
  }
}
