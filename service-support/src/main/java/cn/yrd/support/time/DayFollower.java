package cn.yrd.support.time;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Work a service does when the business date moves on (a scheduler catching up date-driven rules).
 * The test clock reports how far it has got, so that a conformance runner that moved the clock can
 * wait until the service has settled on the new day.
 */
public interface DayFollower {

  /** The last business day whose date-driven work is done, if any has run. */
  Optional<LocalDate> settledThrough();
}
