package cn.yrd.bench;

import java.util.Arrays;

/** Recorded durations in nanoseconds, and their percentiles. */
final class Latencies {
  private long[] values = new long[1024];
  private int count;

  synchronized void record(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile in milliseconds (p in 0-100). */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
    return sorted[index] / 1e6;
  }

  String summary() {
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (n=%d)",
        percentileMillis(50), percentileMillis(99), percentileMillis(99.9), count());
  }
}
