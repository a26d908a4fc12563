package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.CrashableInfrastructure;
import cn.yrd.local.Federation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing accepted is lost: the federation's processes and its broker are killed with SIGKILL under
 * load and restarted, consumers are replayed from the beginning and fed poison, and after each the
 * views, conflicts and audit log equal what the registries hold. Long: runs with {@code
 * -Preliability}.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {
  private static final List<String> REGISTRY_TOPICS =
      List.of(Topics.REGISTRATION, Topics.SUPERVISION);
  private static CrashableInfrastructure infra;
  private static Federation federation;

  @BeforeAll
  static void start() {
    infra = CrashableInfrastructure.start(Path.of("target", "reliability-infra").toAbsolutePath());
    federation = TestFederation.start("federation-reliability", infra);
  }

  @AfterAll
  static void stop() {
    if (federation != null) {
      federation.close();
    }
  }

  @Test
  @Order(1)
  void writesDuringABrokerCrashAllArriveExactlyOnce() throws Exception {
    int total = 5_000;
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int c = 0; c < 8; c++) {
      work.add(
          clients.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                  Province p = Province.values()[i % 4];
                  String body =
                      TestFederation.registration(p, TestFederation.division(p), null).toString();
                  for (int attempt = 0; ; attempt++) {
                    HttpResponse<String> r =
                        Http.send(
                            "POST",
                            federation.registryUrl(p) + "/api/v1/registrations",
                            federation.token(Roles.REGISTRAR, p),
                            "application/json",
                            body);
                    if (r.statusCode() == 201) {
                      accepted.incrementAndGet();
                      break;
                    }
                    if (r.statusCode() == 503 && attempt < 20) {
                      retried.incrementAndGet();
                      TestFederation.sleep(500);
                      continue;
                    }
                    failures.add(r.statusCode() + " " + r.body());
                    break;
                  }
                }
              }));
    }
    TestFederation.await(() -> next.get() >= 1_000, Duration.ofMinutes(5), "1,000 writes");
    long killedAt = System.nanoTime();
    infra.killKafka();
    int atKill = next.get();
    TestFederation.sleep(20_000);
    int duringOutage = next.get() - atKill;
    infra.startKafka();
    double outage = (System.nanoTime() - killedAt) / 1e9;
    for (Future<?> f : work) {
      f.get(15, TimeUnit.MINUTES);
    }
    clients.shutdown();
    assertThat(failures).as("every write got 201 or a retryable 503").isEmpty();
    assertThat(accepted.get()).isEqualTo(total);

    long expected = registryEvents();
    awaitDrained(expected);
    assertExactlyOnceAndGapFree(expected);
    TestFederation.figure(
        String.format(
            "broker kill -9 for %.0f s during %,d registrations over 4 provinces (%d written during the outage): %d accepted, %d retried after 503, events lost = %d, duplicates = 0",
            outage, total, duringOutage, accepted.get(), retried.get(), expected - processed()));
  }

  @Test
  @Order(2)
  void aConsumerKilledMidStreamLosesAndDoublesNothing() {
    long before = registryEvents();
    int perProvince = 500;
    for (Province p : Province.values()) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < perProvince; i++) {
        lines.append(TestFederation.registration(p, TestFederation.division(p), null)).append('\n');
      }
      HttpResponse<String> r =
          Http.send(
              "POST",
              federation.registryUrl(p) + "/api/v1/registrations/import",
              federation.token(Roles.REGISTRAR, p),
              "application/x-ndjson",
              lines.toString());
      assertThat(r.body()).contains("\"accepted\":" + perProvince);
    }
    long expected = before + 4L * perProvince;
    TestFederation.await(
        () -> processed() > before + perProvince, Duration.ofMinutes(5), "recognition mid-stream");
    long processedAtKill = processed();
    federation.kill("recognition");
    federation.restart("recognition");
    awaitDrained(expected);
    assertExactlyOnceAndGapFree(expected);
    TestFederation.figure(
        String.format(
            "recognition kill -9 after %,d of %,d events, restarted: events lost = %d, conflicts counted twice = 0, view equals the registries",
            processedAtKill - before, expected - before, expected - processed()));
  }

  @Test
  @Order(3)
  void aRegistryKilledBetweenCommitAndPublishPublishesAfterRestartAndDuplicatesAreIgnored()
      throws Exception {
    long before = registryEvents();
    infra.killKafka();
    for (int i = 0; i < 50; i++) {
      TestFederation.register(federation, Province.JS, "320583", null);
    }
    long unpublished =
        TestFederation.count(federation, "registry_js", "SELECT count(*) FROM outbox_unpublished");
    federation.kill("registry-js");
    infra.startKafka();
    federation.restart("registry-js");
    long expected = before + 50;
    awaitDrained(expected);
    // A relay that crashed after sending but before marking would send again: do exactly that.
    int copies = republishLast(Topics.REGISTRATION, 50);
    TestFederation.sleep(5_000);
    awaitDrained(expected);
    assertExactlyOnceAndGapFree(expected);
    TestFederation.figure(
        String.format(
            "registry kill -9 with %d committed, unpublished events; after restart all %d arrived; %d duplicate records re-sent and ignored",
            unpublished, 50, copies));
  }

  @Test
  @Order(4)
  void aPoisonRecordOnEachTopicIsDeadLetteredAndConsumptionGoesOn() throws Exception {
    long deadBefore = endOffset(Topics.DEAD_LETTER);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (String topic : List.of(Topics.REGISTRATION, Topics.SUPERVISION, Topics.RECOGNITION)) {
        producer
            .send(
                new ProducerRecord<>(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8)))
            .get();
      }
    }
    long before = registryEvents();
    TestFederation.register(federation, Province.ZJ, "330106", null);
    awaitDrained(before + 1);
    // Recognition reads two topics, audit three: five dead letters.
    TestFederation.await(
        () -> endOffset(Topics.DEAD_LETTER) - deadBefore >= 5,
        Duration.ofSeconds(60),
        "five dead letters");
    assertExactlyOnceAndGapFree(before + 1);
    TestFederation.figure(
        "poison record on each of 3 topics: 5 dead letters (recognition 2, audit 3), consumption went on");
  }

  @Test
  @Order(5)
  void replayingEveryConsumerGroupFromTheBeginningChangesNothing() throws Exception {
    long expected = registryEvents();
    awaitDrained(expected);
    String views = recognitionDigest();
    String conflicts = conflictDigest();
    long audited = TestFederation.count(federation, "audit", "SELECT count(*) FROM audit_event");
    federation.stop("recognition");
    federation.stop("audit");
    try (Admin admin = admin()) {
      for (String group : List.of("recognition", "audit")) {
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get()
            .keySet()
            .forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
        assertThat(zero).as(group + " has committed offsets").isNotEmpty();
        admin.alterConsumerGroupOffsets(group, zero).all().get();
      }
    }
    federation.restart("recognition");
    federation.restart("audit");
    TestFederation.await(
        () -> lag("recognition") == 0 && lag("audit") == 0,
        Duration.ofMinutes(10),
        "both groups to read everything again");
    assertThat(recognitionDigest()).isEqualTo(views);
    assertThat(conflictDigest()).isEqualTo(conflicts);
    assertThat(TestFederation.count(federation, "audit", "SELECT count(*) FROM audit_event"))
        .isEqualTo(audited);
    TestFederation.figure(
        String.format(
            "replay of both consumer groups from offset 0 (%,d registry events, %,d audit events): views, conflicts and audit log unchanged",
            expected, audited));
  }

  // --- what every scenario checks

  private static void awaitDrained(long registryEvents) {
    TestFederation.await(
        () -> processed() >= registryEvents && auditedRegistryEvents() >= registryEvents,
        Duration.ofMinutes(10),
        registryEvents + " events in recognition and audit");
  }

  private static void assertExactlyOnceAndGapFree(long registryEvents) {
    assertThat(processed()).as("recognition applied each event once").isEqualTo(registryEvents);
    assertThat(auditedRegistryEvents())
        .as("audit stored each event once")
        .isEqualTo(registryEvents);
    assertThat(
            TestFederation.count(
                federation, "audit", "SELECT count(*) - count(DISTINCT event_id) FROM audit_event"))
        .isZero();
    assertThat(
            TestFederation.count(
                federation,
                "recognition",
                "SELECT count(*) FROM sequence_tracker WHERE highest <> contiguous"))
        .as("no sequence gap open")
        .isZero();
    assertThat(
            TestFederation.count(
                federation,
                "recognition",
                "SELECT count(*) - count(DISTINCT condition_key) FROM conflict WHERE status IN ('OPEN','ACKNOWLEDGED')"))
        .as("no conflict counted twice")
        .isZero();
    Set<String> registries = new HashSet<>();
    for (Province p : Province.values()) {
      registries.addAll(
          TestFederation.lines(
              federation,
              "registry_" + p.name().toLowerCase(),
              "SELECT uscc || ':" + p.name() + ":' || version || ':' || status FROM organization"));
    }
    Set<String> view =
        new HashSet<>(
            TestFederation.lines(
                federation,
                "recognition",
                "SELECT uscc || ':' || province || ':' || version || ':' || status FROM org_record"));
    assertThat(view).as("the view equals what the registries hold").isEqualTo(registries);
    String report =
        Http.send(
                "POST",
                federation.url("recognition") + "/api/v1/reconciliation",
                federation.token(Roles.AUDITOR, null),
                null,
                "")
            .body();
    assertThat(TestFederation.json(report).path("agrees").asBoolean())
        .as("the reconciliation run agrees: " + report)
        .isTrue();
  }

  private static long registryEvents() {
    long total = 0;
    for (Province p : Province.values()) {
      total +=
          TestFederation.count(
              federation,
              "registry_" + p.name().toLowerCase(),
              "SELECT count(*) FROM outbox_event");
    }
    return total;
  }

  private static long processed() {
    return TestFederation.count(federation, "recognition", "SELECT count(*) FROM processed_event");
  }

  private static long auditedRegistryEvents() {
    return TestFederation.count(
        federation,
        "audit",
        "SELECT count(*) FROM audit_event WHERE topic IN ('"
            + Topics.REGISTRATION
            + "','"
            + Topics.SUPERVISION
            + "')");
  }

  private static String recognitionDigest() {
    return TestFederation.text(
        federation,
        "recognition",
        "SELECT md5(string_agg(uscc || province || version || status, ',' ORDER BY uscc, province)) FROM org_record");
  }

  private static String conflictDigest() {
    return TestFederation.text(
        federation,
        "recognition",
        "SELECT md5(string_agg(id || status || fingerprint, ',' ORDER BY id)) FROM conflict");
  }

  // --- Kafka

  private static Map<String, Object> kafka() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
  }

  private static Admin admin() {
    return Admin.create(kafka());
  }

  private static KafkaProducer<String, byte[]> producer() {
    Map<String, Object> settings = new HashMap<>(kafka());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  private static long endOffset(String topic) {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      ListOffsetsResult result = admin.listOffsets(request);
      long sum = 0;
      for (var info : result.all().get().values()) {
        sum += info.offset();
      }
      return sum;
    } catch (Exception e) {
      return 0;
    }
  }

  @Test
  @Order(6)
  void checkpointsArePublishedOnlyWithAQuorumOfProvinceWitnesses() throws Exception {
    String auditor = federation.token(Roles.AUDITOR, null);
    String audit = federation.url("audit");
    JsonNode withFour =
        checkpointCovering(
            TestFederation.register(
                federation, Province.AH, TestFederation.division(Province.AH), null),
            auditor);
    assertThat(withFour.path("cosignedBy").size()).as("cosigners, all up").isEqualTo(4);
    long zjSizeBefore = witnessedSize(Province.ZJ);
    federation.kill(Federation.registryName(Province.ZJ));
    JsonNode withThree =
        checkpointCovering(
            TestFederation.register(
                federation, Province.SH, TestFederation.division(Province.SH), null),
            auditor);
    assertThat(withThree.path("cosignedBy").size()).as("cosigners with ZJ down").isEqualTo(3);

    federation.kill(Federation.registryName(Province.AH));
    String uscc =
        TestFederation.register(
            federation, Province.JS, TestFederation.division(Province.JS), null);
    String eventId =
        TestFederation.awaitAuditTrail(federation, uscc, 1).get(0).path("eventId").asText();
    HttpResponse<String> proof =
        Http.send("GET", audit + "/api/v1/events/" + eventId, auditor, null, null);
    assertThat(proof.statusCode()).as(proof.body()).isEqualTo(503);
    assertThat(proof.body()).contains("2 of the 3 cosignatures");
    JsonNode latest = TestFederation.json(Http.get(audit + "/api/v1/checkpoints/latest", auditor));
    assertThat(latest.path("treeSize").asLong()).isEqualTo(withThree.path("treeSize").asLong());
    assertThat(latest.path("unpublished").path("refusals").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("yrd.example/witness/ZJ", "yrd.example/witness/AH");
    assertThat(Http.get(federation.url("audit") + "/tlog/checkpoint", auditor))
        .contains("\n" + withThree.path("treeSize").asLong() + "\n");

    // A witness restarted after a kill keeps the size it cosigned (never less: the audit service's
    // next round may already have had it cosign a larger one), and the quorum is back.
    federation.restart(Federation.registryName(Province.ZJ));
    assertThat(witnessedSize(Province.ZJ))
        .as("ZJ's cosigned size after its restart")
        .isGreaterThanOrEqualTo(zjSizeBefore);
    TestFederation.await(
        () ->
            Http.send("GET", audit + "/api/v1/events/" + eventId, auditor, null, null).statusCode()
                == 200,
        Duration.ofSeconds(60),
        "a checkpoint cosigned by SH, JS and ZJ covering " + eventId);
    federation.restart(Federation.registryName(Province.AH));
    TestFederation.figure(
        "witnesses: with ZJ down 3 of 4 cosigned; with ZJ and AH down no checkpoint was published"
            + " and the API named both; ZJ restarted kept its size and the quorum returned");
  }

  /** The size of the latest checkpoint a province's witness cosigned. */
  private static long witnessedSize(Province province) throws Exception {
    String originHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("yrd.example/audit".getBytes(StandardCharsets.UTF_8)));
    String note =
        Http.get(federation.registryUrl(province) + "/witness/" + originHash + "/checkpoint", null);
    return Long.parseLong(note.split("\n")[1]);
  }

  /** The published checkpoint once audit holds the organization's registration. */
  private static JsonNode checkpointCovering(String uscc, String auditor) {
    String eventId =
        TestFederation.awaitAuditTrail(federation, uscc, 1).get(0).path("eventId").asText();
    Http.get(federation.url("audit") + "/api/v1/events/" + eventId, auditor);
    return TestFederation.json(
        Http.get(federation.url("audit") + "/api/v1/checkpoints/latest", auditor));
  }

  private static long lag(String group) {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
      long lag = 0;
      for (var e : admin.listOffsets(request).all().get().entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    } catch (Exception e) {
      return Long.MAX_VALUE;
    }
  }

  /** Sends the last {@code count} records of a topic again, headers and all. */
  private static int republishLast(String topic, int count) throws Exception {
    Map<String, Object> settings = new HashMap<>(kafka());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      ends.forEach((tp, end) -> consumer.seek(tp, Math.max(0, end - count)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (ConsumerRecord<String, byte[]> r : records) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, r.key(), r.value());
        r.headers().forEach(h -> copy.headers().add(h));
        producer.send(copy).get();
      }
    }
    return records.size();
  }
}
