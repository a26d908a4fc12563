package cn.yrd.support.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag on each partition this instance holds: the records on the broker it has
 * not yet applied, as the gauge {@code yrd_consumer_lag{group,topic,partition}}. The consumer loops
 * update it after each applied batch; a partition handed to another instance leaves the gauge here,
 * since that instance reports it from then on.
 */
public final class ConsumerLag {
  private final MeterRegistry metrics;
  private final String group;
  private final Map<TopicPartition, Held> held = new ConcurrentHashMap<>();

  private record Held(AtomicLong lag, Gauge gauge) {}

  public ConsumerLag(MeterRegistry metrics, String group) {
    this.metrics = metrics;
    this.group = group;
  }

  void update(TopicPartition partition, long lag) {
    held.computeIfAbsent(partition, this::register).lag().set(lag);
  }

  void release(Collection<TopicPartition> partitions) {
    partitions.forEach(
        partition -> {
          Held gone = held.remove(partition);
          if (gone != null) {
            metrics.remove(gone.gauge());
          }
        });
  }

  /** The records not yet applied, over every partition this instance holds. */
  public long total() {
    return held.values().stream().mapToLong(h -> h.lag().get()).sum();
  }

  private Held register(TopicPartition partition) {
    AtomicLong lag = new AtomicLong();
    Gauge gauge =
        Gauge.builder("yrd.consumer.lag", lag, AtomicLong::doubleValue)
            .description(
                "records on the partition that this consumer group has not yet applied (the"
                    + " broker's end offset minus the group's position)")
            .tags(
                "group",
                group,
                "topic",
                partition.topic(),
                "partition",
                Integer.toString(partition.partition()))
            .register(metrics);
    return new Held(lag, gauge);
  }
}
