package cn.yrd.recognition.service.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: the first pause, doubled after each further failure, never
 * longer than the longest; after the last attempt it is dead-lettered.
 */
public record RetrySchedule(Duration first, Duration longest, int attempts) {

  /** The pause after the given number of failed attempts (1 = the first failed). */
  public Duration pauseAfter(int failedAttempts) {
    Duration pause = first;
    for (int i = 1; i < failedAttempts && pause.compareTo(longest) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(longest) > 0 ? longest : pause;
  }

  /** Whether a delivery that has failed this many times is given up (dead-lettered). */
  public boolean exhausted(int failedAttempts) {
    return failedAttempts >= attempts;
  }
}
