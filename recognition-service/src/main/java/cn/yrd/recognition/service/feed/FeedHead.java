package cn.yrd.recognition.service.feed;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The highest position the {@link FeedTail} holds, and the subscribers waiting for it to move. The
 * tail is refreshed after every numbering step and on every poll of the sequencer, so entries
 * another instance numbered arrive too.
 */
@ApplicationScoped
public class FeedHead {
  private long highest;
  private boolean closed;

  /** Ends every subscriber's wait: the service is stopping, and their streams end with it. */
  synchronized void close(@Observes ShutdownEvent event) {
    closed = true;
    notifyAll();
  }

  synchronized boolean closed() {
    return closed;
  }

  synchronized void advanceTo(long position) {
    if (position > highest) {
      highest = position;
      notifyAll();
    }
  }

  /** Waits until the tail holds a position beyond {@code position}, or {@code timeout} passes. */
  synchronized void awaitBeyond(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (highest <= position && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
