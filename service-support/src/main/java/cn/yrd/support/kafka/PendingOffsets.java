package cn.yrd.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets whose records have been applied but not yet committed to Kafka, and when to commit them:
 * at most once per interval, and at the latest one interval after the last batch. Every consumer
 * here applies a record again without effect, so a crash in between costs only the re-reading of
 * what was applied since the last commit.
 */
final class PendingOffsets {
  private final long intervalNanos;
  private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
  private long lastCommitNanos;

  PendingOffsets(Duration interval, long nowNanos) {
    this.intervalNanos = interval.toNanos();
    this.lastCommitNanos = nowNanos;
  }

  /** Records the next offsets of partitions whose records have been applied. */
  void applied(Map<TopicPartition, OffsetAndMetadata> next) {
    offsets.putAll(next);
  }

  boolean isEmpty() {
    return offsets.isEmpty();
  }

  /** Whether to commit now: something is pending and the interval has passed. */
  boolean due(long nowNanos) {
    return !offsets.isEmpty() && nowNanos - lastCommitNanos >= intervalNanos;
  }

  /** How long until {@link #due}, in whole milliseconds as a poll counts them (zero if it is). */
  Duration untilDue(long nowNanos) {
    long nanos = Math.max(0, lastCommitNanos + intervalNanos - nowNanos);
    return Duration.ofMillis((nanos + 999_999) / 1_000_000);
  }

  /** Everything pending, which the caller commits now. */
  Map<TopicPartition, OffsetAndMetadata> takeAll(long nowNanos) {
    Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>(offsets);
    offsets.clear();
    lastCommitNanos = nowNanos;
    return all;
  }

  /** What is pending for partitions this consumer is about to lose, which it commits first. */
  Map<TopicPartition, OffsetAndMetadata> take(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> some = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = offsets.remove(partition);
      if (offset != null) {
        some.put(partition, offset);
      }
    }
    return some;
  }
}
