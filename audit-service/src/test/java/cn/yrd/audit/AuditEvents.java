package cn.yrd.audit;

import cn.yrd.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents the way the registries and the recognition service do. */
final class AuditEvents implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();

  AuditEvents(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends without waiting; {@link #flush()} waits for all. */
  UUID send(
      String topic, String type, String subject, String province, Long sequence, String payload) {
    return send(UUID.randomUUID(), topic, type, subject, province, sequence, payload);
  }

  UUID send(
      UUID id,
      String topic,
      String type,
      String subject,
      String province,
      Long sequence,
      String payload) {
    return send(
        id, OffsetDateTime.now().toString(), topic, type, subject, province, sequence, payload);
  }

  /** Sends with the given {@code ce_time} text (none if null) and subject (none if null). */
  UUID send(
      UUID id,
      String time,
      String topic,
      String type,
      String subject,
      String province,
      Long sequence,
      String payload) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, subject, payload.getBytes(StandardCharsets.UTF_8));
    header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(record, CloudEventHeaders.ID, id.toString());
    header(
        record,
        CloudEventHeaders.SOURCE,
        province == null ? "/yrd/recognition" : "/yrd/registry/" + province);
    header(record, CloudEventHeaders.TYPE, type);
    if (subject != null) {
      header(record, CloudEventHeaders.SUBJECT, subject);
    }
    if (time != null) {
      header(record, CloudEventHeaders.TIME, time);
    }
    if (province != null) {
      header(record, CloudEventHeaders.PROVINCE, province);
      header(record, CloudEventHeaders.SEQUENCE, sequence.toString());
    }
    header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
    pending.add(producer.send(record));
    return id;
  }

  void flush() {
    producer.flush();
    for (Future<RecordMetadata> f : pending) {
      try {
        f.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    pending.clear();
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    flush();
    producer.close();
  }
}
