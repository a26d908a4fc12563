package cn.yrd.recognition.event;

import cn.yrd.contracts.Topics;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.EventProcessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Consumes both registry topics. Each poll is applied in one transaction (falling back to one
 * transaction per record if that fails); offsets are committed only after the effect committed; a
 * record that cannot be read goes to the dead-letter topic with the reason, and consumption goes
 * on. If the database itself fails, the batch is read again after a pause.
 */
@ApplicationScoped
public class RegistryEventConsumer {
  private static final Logger LOG = Logger.getLogger(RegistryEventConsumer.class);
  public static final String DLQ_REASON = "yrd_dlq_reason";

  @Inject EventProcessor processor;
  @Inject RecognitionConfig config;
  @Inject ObjectMapper json;
  @Inject MeterRegistry metrics;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private volatile boolean running;
  private Thread worker;
  private Counter applied;
  private Counter deadLettered;

  void start(@Observes StartupEvent event) {
    applied = metrics.counter("yrd.recognition.events.applied");
    deadLettered = metrics.counter("yrd.recognition.events.dead-lettered");
    running = true;
    worker = new Thread(this::run, "registry-event-consumer");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    EventParser parser = new EventParser(json);
    while (running) {
      try (KafkaConsumer<String, byte[]> consumer = consumer();
          KafkaProducer<String, byte[]> deadLetters = producer()) {
        consumer.subscribe(List.of(Topics.REGISTRATION, Topics.SUPERVISION));
        while (running) {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
          if (!records.isEmpty()) {
            handle(records, parser, consumer, deadLetters);
          }
        }
      } catch (RuntimeException e) {
        LOG.warnf("registry event consumer restarts after: %s", e.getMessage());
        pause();
      }
    }
  }

  private void handle(
      ConsumerRecords<String, byte[]> records,
      EventParser parser,
      KafkaConsumer<String, byte[]> consumer,
      KafkaProducer<String, byte[]> deadLetters) {
    List<ParsedEvent> parsed = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
      try {
        parsed.add(parser.parse(record));
      } catch (IllegalArgumentException e) {
        deadLetter(deadLetters, record, e.getMessage());
      }
    }
    try {
      applyWithFallback(parsed, records, deadLetters);
      consumer.commitSync(next);
    } catch (RuntimeException e) {
      // The database is unavailable: read the same records again later, nothing is skipped.
      LOG.warnf("could not apply %d events, will retry: %s", parsed.size(), e.getMessage());
      first.forEach(consumer::seek);
      pause();
    }
  }

  private void applyWithFallback(
      List<ParsedEvent> parsed,
      ConsumerRecords<String, byte[]> records,
      KafkaProducer<String, byte[]> deadLetters) {
    try {
      processor.applyAll(parsed);
      applied.increment(parsed.size());
      return;
    } catch (RuntimeException batchFailure) {
      LOG.debugf("batch failed, applying one by one: %s", batchFailure.getMessage());
    }
    for (ParsedEvent event : parsed) {
      try {
        processor.apply(event);
        applied.increment();
      } catch (RuntimeException e) {
        if (isDatabaseDown(e)) {
          throw e;
        }
        ConsumerRecord<String, byte[]> original = find(records, event);
        deadLetter(deadLetters, original, "could not apply: " + rootMessage(e));
      }
    }
  }

  private void deadLetter(
      KafkaProducer<String, byte[]> producer,
      ConsumerRecord<String, byte[]> record,
      String reason) {
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
    record.headers().forEach(h -> letter.headers().add(h));
    letter.headers().add(DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
    letter.headers().add("yrd_dlq_topic", record.topic().getBytes(StandardCharsets.UTF_8));
    letter
        .headers()
        .add(
            "yrd_dlq_partition",
            Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
    letter
        .headers()
        .add("yrd_dlq_offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(letter).get();
      deadLettered.increment();
      LOG.warnf(
          "dead-lettered %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), reason);
    } catch (Exception e) {
      throw new IllegalStateException("dead-letter topic unavailable", e);
    }
  }

  private static ConsumerRecord<String, byte[]> find(
      ConsumerRecords<String, byte[]> records, ParsedEvent event) {
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.topic().equals(event.topic())
          && r.partition() == event.partition()
          && r.offset() == event.offset()) {
        return r;
      }
    }
    throw new IllegalStateException("record not in its batch");
  }

  private static boolean isDatabaseDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLRecoverableException
          || (t instanceof java.sql.SQLException s
              && s.getSQLState() != null
              && s.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> settings = new HashMap<>(kafkaConfig);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<String, byte[]> producer() {
    Map<String, Object> settings = new HashMap<>(kafkaConfig);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
