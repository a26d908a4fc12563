package cn.yrd.support.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Business dates and timestamps are those of Asia/Shanghai, wherever the service runs. Every rule
 * reads the date here, so that a test profile can move it ({@link TestClock}); in production it is
 * the wall clock.
 */
public final class BusinessTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Days the business clock runs ahead of the wall clock; moved only by {@link TestClock}. */
  private static volatile long offsetDays;

  private BusinessTime() {}

  public static LocalDate today() {
    return LocalDate.now(ZONE).plusDays(offsetDays);
  }

  /**
   * Now, at the database's precision (microseconds): PostgreSQL rounds finer times, so a time kept
   * with nanoseconds would differ from the same time read back (an API answer, a change feed entry
   * or a webhook body against the stored row).
   */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZONE).plusDays(offsetDays).truncatedTo(ChronoUnit.MICROS);
  }

  /** Makes {@link #today()} answer {@code day}, or the wall clock's date for null. */
  static void moveTo(LocalDate day) {
    offsetDays = day == null ? 0 : ChronoUnit.DAYS.between(LocalDate.now(ZONE), day);
  }
}
