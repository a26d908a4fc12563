package cn.yrd.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleSchedulingTest {

  @Test
  void movesTheCallingThreadAndTheThreadsItStartsIntoTheIdleClass() throws Exception {
    AtomicBoolean applied = new AtomicBoolean();
    AtomicInteger own = new AtomicInteger(-1);
    AtomicInteger child = new AtomicInteger(-1);
    Thread thread =
        new Thread(
            () -> {
              applied.set(IdleScheduling.applyToCurrentThread());
              own.set(IdleScheduling.policyOfCurrentThread());
              // The Kafka client starts its coordinator thread from the consumer's thread.
              Thread started = new Thread(() -> child.set(IdleScheduling.policyOfCurrentThread()));
              started.start();
              try {
                started.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    thread.start();
    thread.join();

    assertTrue(applied.get(), "chrt succeeded");
    assertEquals(IdleScheduling.SCHED_IDLE, own.get());
    assertEquals(IdleScheduling.SCHED_IDLE, child.get());
  }

  @Test
  void leavesOtherThreadsAsTheyWere() throws Exception {
    Thread thread = new Thread(IdleScheduling::applyToCurrentThread);
    thread.start();
    thread.join();

    assertEquals(0, IdleScheduling.policyOfCurrentThread(), "SCHED_OTHER");
  }
}
