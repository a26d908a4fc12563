package cn.yrd.support.time;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The business clock that conformance cases and tests move across time boundaries (a bar's end, a
 * grade's expiry, a listing's anniversary). It exists only where {@code yrd.clock.movable=true},
 * which the prod profile refuses at start-up: a production date is the wall clock's.
 */
@ApplicationScoped
public class TestClock {
  @Inject ClockConfig config;

  void refuseInProduction(@Observes StartupEvent start) {
    refusal(config.movable(), ConfigUtils.getProfiles())
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
  }

  /** Why a service with these settings must not start, if it must not. */
  static Optional<String> refusal(boolean movable, Collection<String> profiles) {
    if (movable && profiles.contains("prod")) {
      return Optional.of(
          "yrd.clock.movable=true is refused in the prod profile: a production service reads"
              + " the wall clock. Set it only in the test profile (QUARKUS_PROFILE=test).");
    }
    return Optional.empty();
  }

  public boolean movable() {
    return config.movable();
  }

  /** Moves the business date of this service to {@code day}; null goes back to the wall clock. */
  public void moveTo(LocalDate day) {
    if (!config.movable()) {
      throw new IllegalStateException("the business clock is not movable here");
    }
    BusinessTime.moveTo(day);
  }
}
