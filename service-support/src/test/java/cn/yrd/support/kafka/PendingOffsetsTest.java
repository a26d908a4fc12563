package cn.yrd.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {
  private static final long MS = 1_000_000;
  private static final TopicPartition P0 = new TopicPartition("yrd.registration.v1", 0);
  private static final TopicPartition P1 = new TopicPartition("yrd.registration.v1", 1);

  @Test
  void commitsNoMoreThanOncePerIntervalWhileBatchesKeepComing() {
    PendingOffsets pending = new PendingOffsets(Duration.ofMillis(250), 0);
    pending.applied(Map.of(P0, new OffsetAndMetadata(10)));
    assertFalse(pending.due(100 * MS));
    pending.applied(Map.of(P0, new OffsetAndMetadata(20)));
    assertFalse(pending.due(249 * MS));
    assertTrue(pending.due(250 * MS));
    assertEquals(Map.of(P0, new OffsetAndMetadata(20)), pending.takeAll(250 * MS));
    pending.applied(Map.of(P0, new OffsetAndMetadata(30)));
    assertFalse(pending.due(400 * MS), "the interval counts from the last commit");
    assertTrue(pending.due(500 * MS));
  }

  @Test
  void isNeverDueWithNothingApplied() {
    PendingOffsets pending = new PendingOffsets(Duration.ofMillis(250), 0);
    assertFalse(pending.due(10_000 * MS));
    assertTrue(pending.isEmpty());
  }

  @Test
  void aZeroIntervalCommitsAfterEveryBatch() {
    PendingOffsets pending = new PendingOffsets(Duration.ZERO, 0);
    pending.applied(Map.of(P0, new OffsetAndMetadata(1)));
    assertTrue(pending.due(0));
  }

  @Test
  void waitsForTheNextPollNoLongerThanUntilTheOffsetsAreDue() {
    PendingOffsets pending = new PendingOffsets(Duration.ofMillis(250), 0);
    pending.applied(Map.of(P0, new OffsetAndMetadata(1)));
    assertEquals(Duration.ofMillis(150), pending.untilDue(100 * MS));
    assertEquals(
        Duration.ofMillis(1), pending.untilDue(249 * MS + 1), "rounded up, never zero early");
    assertEquals(Duration.ZERO, pending.untilDue(300 * MS));
  }

  @Test
  void hasOnlyTheRevokedPartitionsCommittedBeforeTheyGo() {
    PendingOffsets pending = new PendingOffsets(Duration.ofMillis(250), 0);
    pending.applied(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(7)));
    assertEquals(Map.of(P1, new OffsetAndMetadata(7)), pending.take(List.of(P1)));
    assertEquals(Map.of(P0, new OffsetAndMetadata(5)), pending.takeAll(MS));
    assertTrue(pending.isEmpty());
  }
}
