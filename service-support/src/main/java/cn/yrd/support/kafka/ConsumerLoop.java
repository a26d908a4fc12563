package cn.yrd.support.kafka;

import cn.yrd.contracts.Topics;
import cn.yrd.support.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * The federation's way to consume: each poll is applied in one transaction (one per record if that
 * fails); offsets are committed only after the effect committed, at most once per commit interval
 * ({@link PendingOffsets}); a record that cannot be read or applied goes to {@link
 * Topics#DEAD_LETTER} with the reason in {@value #DLQ_REASON}, and consumption goes on; if the
 * database itself is down, or the transaction lost a lock race with another consumer, the same
 * records are read again later.
 *
 * @param <T> what a record parses into
 */
public final class ConsumerLoop<T> implements Runnable {
  private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
  public static final String DLQ_REASON = "yrd_dlq_reason";
  private static final Duration IDLE_POLL = Duration.ofMillis(500);

  /**
   * Turns a record into an item; throws {@link IllegalArgumentException} with the reason if it
   * cannot.
   */
  public interface Parser<T> {
    T parse(ConsumerRecord<String, byte[]> record);
  }

  /** Applies items, all of them in one transaction. */
  public interface Applier<T> {
    void apply(List<T> items);
  }

  /** What the loop reports. */
  public interface Listener {
    void applied(int count);

    void deadLettered();

    /** A listener that hands both reports to counters. */
    static Listener counting(java.util.function.IntConsumer applied, Runnable deadLettered) {
      return new Listener() {
        @Override
        public void applied(int count) {
          applied.accept(count);
        }

        @Override
        public void deadLettered() {
          deadLettered.run();
        }
      };
    }
  }

  private final Map<String, Object> kafkaConfig;
  private final String group;
  private final List<String> topics;
  private final Parser<T> parser;
  private final Applier<T> applier;
  private final Listener listener;
  private final Supplier<Boolean> running;
  private final Duration commitInterval;
  private final ConsumerLag lag;
  private final EventTracing tracing;

  public ConsumerLoop(
      Map<String, Object> kafkaConfig,
      String group,
      List<String> topics,
      Parser<T> parser,
      Applier<T> applier,
      Listener listener,
      Supplier<Boolean> running,
      Duration commitInterval,
      ConsumerLag lag,
      EventTracing tracing) {
    this.kafkaConfig = kafkaConfig;
    this.group = group;
    this.topics = topics;
    this.parser = parser;
    this.applier = applier;
    this.listener = listener;
    this.running = running;
    this.commitInterval = commitInterval;
    this.lag = lag;
    this.tracing = tracing;
  }

  @Override
  public void run() {
    DeadLetterTopic.ensure(kafkaConfig);
    while (running.get()) {
      PendingOffsets pending = new PendingOffsets(commitInterval, System.nanoTime());
      try (KafkaConsumer<String, byte[]> consumer = consumer();
          KafkaProducer<String, byte[]> deadLetters = producer()) {
        consumer.subscribe(topics, committingBeforeRevocation(consumer, pending, lag));
        while (running.get()) {
          long now = System.nanoTime();
          if (pending.due(now)) {
            consumer.commitSync(pending.takeAll(now));
          }
          // With offsets pending, the poll waits no longer than until they are due.
          ConsumerRecords<String, byte[]> records =
              consumer.poll(pending.isEmpty() ? IDLE_POLL : pending.untilDue(now));
          if (!records.isEmpty()) {
            handle(records, consumer, deadLetters, pending);
          }
          for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(behind -> lag.update(partition, behind));
          }
        }
        if (!pending.isEmpty()) {
          consumer.commitSync(pending.takeAll(System.nanoTime()));
        }
      } catch (RuntimeException e) {
        LOG.warnf("consumer of %s restarts after: %s", topics, e.getMessage());
        pause();
      }
    }
  }

  private static ConsumerRebalanceListener committingBeforeRevocation(
      KafkaConsumer<String, byte[]> consumer, PendingOffsets pending, ConsumerLag lag) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> leaving = pending.take(partitions);
        if (!leaving.isEmpty()) {
          consumer.commitSync(leaving);
        }
        lag.release(partitions);
      }

      // Already owned by another member: a commit would fail, so what was pending is read again.
      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        pending.take(partitions);
        lag.release(partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
    };
  }

  /** A record read, what it parsed into, and the span of its processing. */
  private record Parsed<T>(ConsumerRecord<String, byte[]> record, T item, Span span) {}

  private void handle(
      ConsumerRecords<String, byte[]> records,
      KafkaConsumer<String, byte[]> consumer,
      KafkaProducer<String, byte[]> deadLetters,
      PendingOffsets pending) {
    List<Parsed<T>> parsed = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
      Span span = tracing.startProcess(record, group);
      try {
        parsed.add(new Parsed<>(record, parser.parse(record), span));
      } catch (IllegalArgumentException e) {
        deadLetter(deadLetters, record, e.getMessage(), span);
      }
    }
    try {
      applyWithFallback(parsed, deadLetters);
      pending.applied(next);
    } catch (RuntimeException e) {
      parsed.forEach(one -> EventTracing.fail(one.span(), e));
      LOG.warnf(
          "could not apply %d records, will read them again: %s", parsed.size(), e.getMessage());
      first.forEach(consumer::seek);
      pause();
    }
  }

  private void applyWithFallback(
      List<Parsed<T>> parsed, KafkaProducer<String, byte[]> deadLetters) {
    if (parsed.isEmpty()) {
      return;
    }
    try {
      applyTraced(parsed);
      listener.applied(parsed.size());
      parsed.forEach(one -> one.span().end());
      return;
    } catch (RuntimeException batchFailure) {
      if (mustReadAgain(batchFailure)) {
        throw batchFailure;
      }
      LOG.debugf("batch failed, applying one by one: %s", batchFailure.getMessage());
    }
    for (Parsed<T> one : parsed) {
      try {
        applyTraced(List.of(one));
        listener.applied(1);
        one.span().end();
      } catch (RuntimeException e) {
        if (mustReadAgain(e)) {
          // This record and those after it are still open; the caller fails them.
          throw e;
        }
        deadLetter(deadLetters, one.record(), "could not apply: " + rootMessage(e), one.span());
      }
    }
  }

  /** Applies the items with their spans' context current, so what they publish continues it. */
  private void applyTraced(List<Parsed<T>> batch) {
    Span apply = tracing.startApply(batch.stream().map(Parsed::span).toList());
    try (Scope scope = apply.makeCurrent()) {
      applier.apply(batch.stream().map(Parsed::item).toList());
    } finally {
      if (batch.size() > 1) {
        apply.end();
      }
    }
  }

  private void deadLetter(
      KafkaProducer<String, byte[]> producer,
      ConsumerRecord<String, byte[]> record,
      String reason,
      Span span) {
    EventTracing.fail(span, new IllegalArgumentException("dead-lettered: " + reason));
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
    record.headers().forEach(h -> letter.headers().add(h));
    TextHeaders.add(letter.headers(), DLQ_REASON, reason);
    TextHeaders.add(letter.headers(), "yrd_dlq_group", group);
    TextHeaders.add(letter.headers(), "yrd_dlq_topic", record.topic());
    TextHeaders.add(letter.headers(), "yrd_dlq_partition", Integer.toString(record.partition()));
    TextHeaders.add(letter.headers(), "yrd_dlq_offset", Long.toString(record.offset()));
    try {
      producer.send(letter).get();
      listener.deadLettered();
      LOG.warnf(
          "dead-lettered %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    } catch (Exception e) {
      throw new IllegalStateException("dead-letter topic unavailable", e);
    }
  }

  /**
   * The database is down, or the transaction lost a deadlock or serialization race with another
   * consumer: nothing is wrong with the records, so they are read again later, never dead-lettered.
   */
  static boolean mustReadAgain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.equals("40001") || state.equals("40P01")) {
          return true;
        }
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
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
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
