package cn.yrd.conformance;

import java.util.List;

/** The closing line of a run: "N passed, N failed, N skipped" (skipped: not runnable here). */
final class Summary {
  private Summary() {}

  static String of(List<Result> results) {
    return count(results, Result.Outcome.PASSED)
        + " passed, "
        + count(results, Result.Outcome.FAILED)
        + " failed, "
        + count(results, Result.Outcome.NOT_RUN)
        + " skipped";
  }

  private static long count(List<Result> results, Result.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
