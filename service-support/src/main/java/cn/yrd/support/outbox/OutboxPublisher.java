package cn.yrd.support.outbox;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.support.kafka.TextHeaders;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows as CloudEvents (Kafka binary mode) and reports which the broker acknowledged.
 */
final class OutboxPublisher implements AutoCloseable {
  /**
   * How many of the batch's rows, from its start, the broker acknowledged without a gap, and the
   * first failure if the batch did not get through.
   */
  record Result(int acknowledged, RuntimeException failure) {}

  private final KafkaProducer<String, byte[]> producer;
  private final String source;
  private final Optional<String> province;
  private final EventTracing tracing;

  OutboxPublisher(
      Map<String, Object> kafkaConfig,
      String source,
      Optional<String> province,
      EventTracing tracing) {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Fail fast while the broker is away; the relay retries the same rows.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox" + source.replace('/', '-'));
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.source = source;
    this.province = province;
    this.tracing = tracing;
  }

  Result send(List<OutboxStore.Row> rows) {
    List<Future<RecordMetadata>> pending = new ArrayList<>(rows.size());
    RuntimeException failure = null;
    for (OutboxStore.Row row : rows) {
      Span span =
          tracing.startSend(
              row.traceparent(),
              row.topic(),
              row.subject(),
              row.eventId().toString(),
              row.eventType());
      try {
        ProducerRecord<String, byte[]> record = toRecord(row);
        EventTracing.inject(span, row.traceparent(), record.headers());
        pending.add(producer.send(record, (sent, error) -> endSpan(span, error)));
      } catch (RuntimeException e) {
        EventTracing.fail(span, e);
        failure = e;
        break;
      }
    }
    producer.flush();
    // Rows after the first unacknowledged one are sent again with it, so only the prefix counts.
    int acknowledged = 0;
    for (Future<RecordMetadata> sent : pending) {
      try {
        sent.get();
        acknowledged++;
      } catch (ExecutionException e) {
        failure =
            failure == null ? new IllegalStateException(e.getCause().getMessage(), e) : failure;
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("interrupted while sending", e);
        break;
      }
    }
    return new Result(acknowledged, failure);
  }

  private ProducerRecord<String, byte[]> toRecord(OutboxStore.Row row) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            row.topic(), row.subject(), row.payload().getBytes(StandardCharsets.UTF_8));
    Headers headers = record.headers();
    TextHeaders.add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    TextHeaders.add(headers, CloudEventHeaders.ID, row.eventId().toString());
    TextHeaders.add(headers, CloudEventHeaders.SOURCE, source);
    TextHeaders.add(headers, CloudEventHeaders.TYPE, row.eventType());
    TextHeaders.add(headers, CloudEventHeaders.SUBJECT, row.subject());
    TextHeaders.add(
        headers,
        CloudEventHeaders.TIME,
        row.occurredAt()
            .atZoneSameInstant(BusinessTime.ZONE)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    province.ifPresent(p -> TextHeaders.add(headers, CloudEventHeaders.PROVINCE, p));
    TextHeaders.add(headers, CloudEventHeaders.SEQUENCE, Long.toString(row.sequence()));
    TextHeaders.add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return record;
  }

  /** The send span lasts until the broker acknowledged the record, or refused it. */
  private static void endSpan(Span span, Exception error) {
    if (error == null) {
      span.end();
    } else {
      EventTracing.fail(span, error);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(1));
  }
}
