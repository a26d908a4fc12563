package cn.yrd.registry;

import cn.yrd.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the registry published, from the start of its topics. */
final class PublishedEvents {
  private PublishedEvents() {}

  /**
   * Polls until at least {@code expected} records arrived (or 30 s passed), then returns them all.
   */
  static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, long expected) {
    return readAll(bootstrapServers, expected, List.of(Topics.REGISTRATION, Topics.SUPERVISION));
  }

  /** The same, from the start of the given topics. */
  static List<ConsumerRecord<String, String>> readAll(
      String bootstrapServers, long expected, List<String> topics) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "registry-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(topics);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // One more poll catches anything beyond what was expected (a duplicate would show here).
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
