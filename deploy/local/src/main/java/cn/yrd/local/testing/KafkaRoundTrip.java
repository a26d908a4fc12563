package cn.yrd.local.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends one record through a real broker and reads it back, for tests of the wiring. */
public final class KafkaRoundTrip {
  private KafkaRoundTrip() {}

  /**
   * Produces {@code value} under {@code key} to {@code topic} with {@code acks=all}, then consumes
   * the topic from the start with a fresh group until that record (matched by a unique header)
   * comes back.
   */
  public static ConsumerRecord<String, String> roundTrip(
      String bootstrapServers, String topic, String key, String value) throws Exception {
    String marker = UUID.randomUUID().toString();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      record.headers().add("yrd_marker", marker.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    }
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "round-trip-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> received : consumer.poll(Duration.ofMillis(200))) {
          var header = received.headers().lastHeader("yrd_marker");
          if (header != null && marker.equals(new String(header.value(), StandardCharsets.UTF_8))) {
            return received;
          }
        }
      }
    }
    throw new AssertionError("record sent to " + topic + " did not come back within 30 s");
  }
}
