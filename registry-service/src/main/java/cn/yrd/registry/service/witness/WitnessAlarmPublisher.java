package cn.yrd.registry.service.witness;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Topics;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.WitnessAlarm;
import cn.yrd.support.kafka.TextHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the witness's split-view alarms to {@code yrd.witness.v1}. They are not in the
 * registry's outbox: every outbox event takes a number of the province's gap-checked sequence of
 * registry events, which an alarm is not.
 */
@ApplicationScoped
public class WitnessAlarmPublisher {
  private static final Logger LOG = Logger.getLogger(WitnessAlarmPublisher.class);

  @Inject RegistryConfig registry;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private KafkaProducer<String, byte[]> producer;

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void publishPending() {
    List<WitnessAlarm> pending =
        QuarkusTransaction.requiringNew()
            .call(() -> WitnessAlarm.<WitnessAlarm>list("publishedAt is null order by detectedAt"));
    for (WitnessAlarm alarm : pending) {
      try {
        send(alarm);
      } catch (Exception e) {
        LOG.warnf("witness alarm %s not published yet: %s", alarm.eventId, e.toString());
        return;
      }
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  WitnessAlarm.update(
                      "publishedAt = ?1 where eventId = ?2",
                      OffsetDateTime.now(ZoneOffset.UTC),
                      alarm.eventId));
    }
  }

  private void send(WitnessAlarm alarm) throws Exception {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            Topics.WITNESS, alarm.origin, alarm.payload.getBytes(StandardCharsets.UTF_8));
    String province = registry.province().name();
    TextHeaders.add(
        record.headers(), CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    TextHeaders.add(record.headers(), CloudEventHeaders.ID, alarm.eventId.toString());
    TextHeaders.add(record.headers(), CloudEventHeaders.SOURCE, "/yrd/witness/" + province);
    TextHeaders.add(record.headers(), CloudEventHeaders.TYPE, EventTypes.SPLIT_VIEW_DETECTED);
    TextHeaders.add(record.headers(), CloudEventHeaders.SUBJECT, alarm.origin);
    TextHeaders.add(record.headers(), CloudEventHeaders.TIME, alarm.detectedAt.toString());
    TextHeaders.add(record.headers(), CloudEventHeaders.PROVINCE, province);
    TextHeaders.add(record.headers(), CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    producer().send(record).get(10, TimeUnit.SECONDS);
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "witness-alarms");
      producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  synchronized void stop(@Observes ShutdownEvent event) {
    if (producer != null) {
      producer.close();
    }
  }
}
