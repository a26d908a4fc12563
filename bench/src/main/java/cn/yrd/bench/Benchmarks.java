package cn.yrd.bench;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.Federation;
import cn.yrd.local.PostgresServer;
import cn.yrd.local.ServiceDatabases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Each figure of the benchmark issue, and the raw baseline measured beside it. */
final class Benchmarks {
  private final Federation federation;
  private final PostgresServer postgres;
  private final String bootstrap;

  Benchmarks(Federation federation) {
    this.federation = federation;
    this.postgres = federation.infrastructure().postgres();
    this.bootstrap = federation.infrastructure().kafkaBootstrapServers();
  }

  /** Throughput and latency of one run. */
  record Run(double perSecond, Latencies latencies, long failures) {}

  // 1. Registry writes ------------------------------------------------------------------------

  Run closedLoopRegistrations(Province province, int clients, Duration duration) {
    String url = federation.registryUrl(province) + "/api/v1/registrations";
    String token = federation.token(Roles.REGISTRAR, province);
    return HttpClosedLoop.posting(
            URI.create(url),
            token,
            () -> Orgs.json(province, Orgs.next(), null),
            201,
            Duration.ofMinutes(20))
        .run(clients, duration);
  }

  /**
   * Runs {@code window}-long loads until two in a row are no faster than the best before them,
   * after at least {@code minimum} and at most {@code maximum}: on two cores shared by six JVMs a
   * registry's JIT takes minutes, not seconds, to settle, its rate climbs by a few per cent a
   * window for most of them, and one slow window (a consumer's garbage collection, a checkpoint) is
   * not yet a plateau. Returns each window's requests/s.
   */
  static List<Double> warmUntilSteady(
      Duration window, Duration minimum, Duration maximum, Function<Duration, Run> load) {
    List<Double> rates = new ArrayList<>();
    long start = System.nanoTime();
    double best = 0;
    int withoutNewBest = 0;
    while (true) {
      double rate = load.apply(window).perSecond();
      rates.add(rate);
      withoutNewBest = rate <= best ? withoutNewBest + 1 : 0;
      best = Math.max(best, rate);
      double elapsed = seconds(start);
      if ((withoutNewBest >= 2 && elapsed >= minimum.toSeconds())
          || elapsed >= maximum.toSeconds()) {
        return rates;
      }
    }
  }

  /**
   * Waits until the province's registry has published its whole outbox and the recognition and
   * audit consumer groups (the services' default group ids) have no lag on any topic they read, so
   * a warm-up's backlog is not measured.
   */
  void awaitConsumersIdle(Province province) {
    String registry = ServiceDatabases.registry(province.name());
    await(
        registry + "'s outbox to be published",
        () -> count(registry, "SELECT count(*) FROM outbox_unpublished") == 0);
    try (Admin admin = admin()) {
      for (String group : List.of("recognition", "audit")) {
        await(group + " to catch up", () -> lag(admin, group) == 0);
      }
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** How far a topic has been published now: its partitions' end offsets, summed. */
  private long published(String topic) {
    try (Admin admin = admin()) {
      return endOffsets(admin, topic);
    }
  }

  /**
   * Waits until a consumer group has committed {@code target} on a topic (offsets summed over its
   * partitions). The services commit only after the effect is in their database, so this asks
   * Kafka, not the database being measured, whether they are done.
   */
  private void awaitCommitted(String group, String topic, long target) {
    try (Admin admin = admin()) {
      await(
          group + " to commit " + target + " on " + topic,
          () -> committed(admin, group, topic) >= target);
    }
  }

  /** The end offsets of a topic's partitions, summed. */
  private static long endOffsets(Admin admin, String topic) {
    var partitions =
        kafka(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions();
    return latest(admin, partitions.stream().map(p -> new TopicPartition(topic, p.partition())))
        .values()
        .stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  /** Each partition's end offset. */
  private static Map<TopicPartition, Long> latest(Admin admin, Stream<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    kafka(admin.listOffsets(specs).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /** A consumer group's committed offsets on one topic, summed over its partitions. */
  private static long committed(Admin admin, String group, String topic) {
    return kafka(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())
        .entrySet()
        .stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private static <T> T kafka(KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka admin request failed", e.getCause());
    }
  }

  private static long lag(Admin admin, String group) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        kafka(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, Long> ends = latest(admin, committed.keySet().stream());
    return committed.entrySet().stream()
        .mapToLong(e -> ends.get(e.getKey()) - e.getValue().offset())
        .sum();
  }

  /**
   * Requests at a fixed rate; latency counts from the intended send time (no coordinated omission).
   */
  Run openLoopRegistrations(int perSecond, Duration duration) throws InterruptedException {
    String url = federation.registryUrl(Province.SH) + "/api/v1/registrations";
    String token = federation.token(Roles.REGISTRAR, Province.SH);
    Latencies latencies = new Latencies();
    AtomicLong failures = new AtomicLong();
    int total = (int) (perSecond * duration.toSeconds());
    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / perSecond;
    for (int i = 0; i < total; i++) {
      long intended = start + i * intervalNanos;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      pool.execute(
          () -> {
            try {
              if (Api.post(
                          url, token, "application/json", Orgs.json(Province.SH, Orgs.next(), null))
                      .statusCode()
                  == 201) {
                latencies.record(System.nanoTime() - intended);
              } else {
                failures.incrementAndGet();
              }
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    pool.shutdown();
    return new Run(latencies.count() / seconds(start), latencies, failures.get());
  }

  /** Baseline: the same transactions' raw inserts (record row + outbox row) over JDBC. */
  Run jdbcBaseline(int connections, Duration duration) throws SQLException {
    postgres.ensureDatabase("bench");
    try (Connection c = postgres.connect("bench");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_outbox, bench_org");
      s.execute(
          "CREATE TABLE bench_org (uscc char(18) PRIMARY KEY, name text NOT NULL UNIQUE, body jsonb NOT NULL, version bigint NOT NULL)");
      s.execute(
          "CREATE TABLE bench_outbox (position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, subject text NOT NULL, payload text NOT NULL, published_at timestamptz)");
    }
    return closedLoop(connections, duration, new JdbcInserter());
  }

  private final class JdbcInserter implements Attempt {
    private final ThreadLocal<Connection> connection =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection c = postgres.connect("bench");
                c.setAutoCommit(false);
                return c;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    @Override
    public boolean attempt() throws SQLException {
      Connection c = connection.get();
      long serial = Orgs.next();
      String body = Orgs.json(Province.SH, serial, null);
      try (PreparedStatement org =
              c.prepareStatement("INSERT INTO bench_org VALUES (?, ?, ?::jsonb, 0)");
          PreparedStatement outbox =
              c.prepareStatement(
                  "INSERT INTO bench_outbox (event_id, subject, payload) VALUES (?, ?, ?)")) {
        org.setString(1, Orgs.uscc(Province.SH, serial));
        org.setString(2, "name" + serial);
        org.setString(3, body);
        org.executeUpdate();
        outbox.setObject(1, EventIds.next());
        outbox.setString(2, Orgs.uscc(Province.SH, serial));
        outbox.setString(3, "{\"organization\":" + body + "}");
        outbox.executeUpdate();
      }
      c.commit();
      return true;
    }
  }

  // 2. Pipeline ---------------------------------------------------------------------------------

  /**
   * Timings of the pipeline: import, recognition caught up, audit caught up (seconds from start).
   */
  record Pipeline(
      long registrations, double importSeconds, double recognitionSeconds, double auditSeconds) {
    /** Until both recognition and audit have caught up. */
    double endToEndSeconds() {
      return Math.max(recognitionSeconds, auditSeconds);
    }
  }

  /**
   * Runs {@code pipeline} until a run ends less than a tenth sooner than the one before, at most
   * {@code maximum} times, and returns every run. On two cores the six JVMs' C2 compilers were
   * still busy through a second import of 200,000 (seventeenth pass), so a measurement after one
   * warm-up timed the compilers as much as the services.
   */
  static List<Pipeline> warmUntilSettled(int maximum, Callable<Pipeline> pipeline)
      throws Exception {
    List<Pipeline> runs = new ArrayList<>();
    do {
      runs.add(pipeline.call());
    } while (runs.size() < maximum && !settled(runs));
    return runs;
  }

  /** Whether the last of these runs ended less than a tenth sooner than the one before it. */
  static boolean settled(List<Pipeline> runs) {
    if (runs.size() < 2) {
      return false;
    }
    double before = runs.get(runs.size() - 2).endToEndSeconds();
    return runs.get(runs.size() - 1).endToEndSeconds() > 0.9 * before;
  }

  Pipeline pipeline(int total) throws Exception {
    try (Admin admin = admin()) {
      return pipeline(total, admin);
    }
  }

  private Pipeline pipeline(int total, Admin admin) throws Exception {
    long publishedBefore = endOffsets(admin, Topics.REGISTRATION);
    int perProvince = total / 4;
    int collisions = Math.max(1, total / 100);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> imports = new ArrayList<>();
    List<String> shNames = new ArrayList<>();
    StringBuilder[] files = new StringBuilder[4];
    for (Province p : Province.values()) {
      files[p.ordinal()] = new StringBuilder();
      for (int i = 0; i < perProvince; i++) {
        long serial = Orgs.next();
        String name;
        if (p == Province.SH && i < collisions) {
          name = "长三角基准联盟" + serial;
          shNames.add(name);
        } else if (p == Province.JS && i < collisions) {
          name = shNames.get(i);
        } else {
          name = null;
        }
        files[p.ordinal()].append(Orgs.json(p, serial, name)).append('\n');
      }
    }
    long prepared = System.nanoTime();
    for (Province p : Province.values()) {
      String url = federation.registryUrl(p) + "/api/v1/registrations/import";
      String token = federation.token(Roles.REGISTRAR, p);
      String body = files[p.ordinal()].toString();
      imports.add(pool.submit(() -> Api.post(url, token, "application/x-ndjson", body).body()));
    }
    for (Future<String> f : imports) {
      Matcher m = Pattern.compile("\"accepted\":(\\d+)").matcher(f.get());
      if (!m.find() || Integer.parseInt(m.group(1)) != perProvince) {
        throw new IllegalStateException(
            "import incomplete: " + f.get().substring(0, Math.min(300, f.get().length())));
      }
    }
    pool.shutdown();
    double importSeconds = seconds(prepared);
    long expected = 4L * perProvince;
    // Both stages are watched together, so each one's time is its own, not the slower one's. A
    // stage is done when its consumer group has committed past the last registration; it commits
    // only after the effect is in its database. (Counting rows instead, on a new connection every
    // 100 ms, took PostgreSQL time from the stages being measured.)
    long target = publishedBefore + expected;
    double recognition = Double.NaN;
    double audit = Double.NaN;
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (Double.isNaN(recognition) || Double.isNaN(audit)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline did not drain in 30 minutes");
      }
      if (Double.isNaN(recognition)
          && committed(admin, "recognition", Topics.REGISTRATION) >= target) {
        recognition = seconds(prepared);
      }
      if (Double.isNaN(audit) && committed(admin, "audit", Topics.REGISTRATION) >= target) {
        audit = seconds(prepared);
      }
      pause(100);
    }
    return new Pipeline(expected, importSeconds, recognition, audit);
  }

  /** Baseline: raw Kafka produce (acks=all) and consume of as many records of the same size. */
  double[] kafkaBaseline(int records) {
    byte[] value =
        ("{\"organization\":" + Orgs.json(Province.SH, 1, null) + "}")
            .getBytes(StandardCharsets.UTF_8);
    String topic = "bench-baseline-" + UUID.randomUUID();
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262144),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), value));
      }
      producer.flush();
    }
    double produce = seconds(start);
    long consumeStart = System.nanoTime();
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (read < records) {
        read += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return new double[] {
      records / produce, records / seconds(consumeStart), produce + seconds(consumeStart)
    };
  }

  // 3. Freshness --------------------------------------------------------------------------------

  private static final int CONFLICT_PAGE = 50;
  private static final Pattern CONFLICT_IDS =
      Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"type\":");
  private static final Pattern CONFLICT_CODES =
      Pattern.compile("\"usccs\":\\[\"([0-9A-Z]{18})\"(?:,\"([0-9A-Z]{18})\")?");

  private String conflictPage(int page, String token) {
    return Api.get(
            federation.url("recognition")
                + "/api/v1/conflicts?type=NAME_COLLISION&total=false&size="
                + CONFLICT_PAGE
                + "&page="
                + page,
            token)
        .body();
  }

  private static Set<String> conflictIds(String page) {
    Set<String> ids = new HashSet<>();
    Matcher m = CONFLICT_IDS.matcher(page);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /**
   * Time from the registry's 201 to (a) the conflict in the recognition API, (b) the event in
   * audit.
   */
  Latencies[] freshness(int perSecond, Duration duration) throws Exception {
    int total = (int) (perSecond * duration.toSeconds());
    StringBuilder shFile = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<Long> jsSerials = new ArrayList<>();
    Set<String> jsCodes = new HashSet<>();
    for (int i = 0; i < total; i++) {
      long serial = Orgs.next();
      String name = "长三角时效" + serial;
      names.add(name);
      shFile.append(Orgs.json(Province.SH, serial, name)).append('\n');
      long jsSerial = Orgs.next();
      jsSerials.add(jsSerial);
      jsCodes.add(Orgs.uscc(Province.JS, jsSerial));
    }
    long publishedBefore = published(Topics.REGISTRATION);
    Api.post(
        federation.registryUrl(Province.SH) + "/api/v1/registrations/import",
        federation.token(Roles.REGISTRAR, Province.SH),
        "application/x-ndjson",
        shFile.toString());
    // The clock starts once recognition has the Shanghai side: the figure is the JS event's own.
    awaitCommitted("recognition", Topics.REGISTRATION, publishedBefore + total);
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    Sightings conflict = new Sightings(jsCodes);
    Sightings audit = new Sightings(jsCodes);
    String auditor = federation.token(Roles.AUDITOR, null);
    // Both starting points are taken before the first registration, so none can fall before them.
    Set<String> knownConflicts = conflictIds(conflictPage(0, auditor));
    String auditStart = latestCursor(auditor);
    java.util.concurrent.atomic.AtomicBoolean polling =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread conflictPoller =
        new Thread(
            () -> {
              while (polling.get()) {
                // Newest first: read on while a page holds only conflicts that were not there
                // when the round before ended. Conflicts opened meanwhile push the rest down, so a
                // page can repeat some of the one before, but none is skipped. Small pages and no
                // total: a poller that serialized or counted thousands of conflicts per round
                // would load the service it measures.
                Set<String> thisRound = new HashSet<>();
                boolean readOn = true;
                for (int p = 0; readOn && p < 200; p++) {
                  String page = conflictPage(p, auditor);
                  Set<String> ids = conflictIds(page);
                  recordFirstSightings(CONFLICT_CODES.matcher(page), accepted, conflict);
                  readOn =
                      ids.size() == CONFLICT_PAGE
                          && ids.stream().noneMatch(knownConflicts::contains);
                  thisRound.addAll(ids);
                }
                knownConflicts.addAll(thisRound);
                pause(20);
              }
            });
    Thread auditPoller =
        new Thread(
            () -> {
              Pattern subjects = Pattern.compile("\"subject\":\"([0-9A-Z]{18})\"");
              Pattern next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
              String cursor = auditStart;
              while (polling.get()) {
                String page =
                    Api.get(
                            federation.url("audit")
                                + "/api/v1/events?province=JS&limit=1000"
                                + (cursor == null ? "" : "&cursor=" + cursor),
                            auditor)
                        .body();
                recordFirstSightings(subjects.matcher(page), accepted, audit);
                Matcher n = next.matcher(page);
                if (n.find()) {
                  cursor = n.group(1);
                } else {
                  pause(20);
                }
              }
            });
    conflictPoller.start();
    auditPoller.start();
    String url = federation.registryUrl(Province.JS) + "/api/v1/registrations";
    String token = federation.token(Roles.REGISTRAR, Province.JS);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    long start = System.nanoTime();
    long interval = 1_000_000_000L / perSecond;
    for (int i = 0; i < total; i++) {
      long wait = start + i * interval - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String name = names.get(i);
      long serial = jsSerials.get(i);
      pool.execute(
          () -> {
            Api.Response r =
                Api.post(url, token, "application/json", Orgs.json(Province.JS, serial, name));
            if (r.statusCode() == 201) {
              accepted.put(Orgs.uscc(Province.JS, serial), System.nanoTime());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while ((conflict.seen.size() < accepted.size() || audit.seen.size() < accepted.size())
        && System.nanoTime() < deadline) {
      pause(100);
    }
    polling.set(false);
    conflictPoller.join();
    auditPoller.join();
    return new Latencies[] {conflict.latencies, audit.latencies};
  }

  /**
   * Records, for each accepted code the page names for the first time, the time since its 201.
   * Every group of {@code codes} is a code or null.
   */
  private static void recordFirstSightings(
      Matcher codes, Map<String, Long> accepted, Sightings sightings) {
    long now = System.nanoTime();
    sightings.settleEarly(accepted);
    while (codes.find()) {
      for (int group = 1; group <= codes.groupCount(); group++) {
        String code = codes.group(group);
        if (code != null) {
          sightings.first(code, accepted.get(code), now);
        }
      }
    }
  }

  /**
   * What one poller has seen. A code can show up before the harness has read its 201 (the client
   * thread waits for a core while the event travels): it is kept with that time and counted, as no
   * delay, once the 201 is in.
   */
  static final class Sightings {
    final Set<String> expected;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final Map<String, Long> early = new ConcurrentHashMap<>();
    final Latencies latencies;

    /** {@code expected}: the codes this run registers; other codes on a page are not its. */
    Sightings(Set<String> expected) {
      this(expected, new Latencies());
    }

    /** Several observers recording into one set of latencies. */
    Sightings(Set<String> expected, Latencies latencies) {
      this.expected = expected;
      this.latencies = latencies;
    }

    /** Whether this is the first sighting of a code the harness registered in this run. */
    boolean first(String code, Long acceptedAt, long now) {
      if (seen.contains(code)) {
        return false;
      }
      if (acceptedAt == null) {
        return expected.contains(code) && early.putIfAbsent(code, now) == null;
      }
      if (!seen.add(code)) {
        return false;
      }
      Long earlier = early.remove(code);
      latencies.record(Math.max(0, (earlier == null ? now : earlier) - acceptedAt));
      return true;
    }

    void settleEarly(Map<String, Long> accepted) {
      for (Map.Entry<String, Long> e : early.entrySet()) {
        Long at = accepted.get(e.getKey());
        if (at != null) {
          first(e.getKey(), at, e.getValue());
        }
      }
    }
  }

  private String latestCursor(String auditor) {
    long size = count("audit", "SELECT coalesce(max(leaf_index), -1) FROM audit_event");
    return size < 0
        ? null
        : java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("after:" + size).getBytes(StandardCharsets.UTF_8));
  }

  // 4. Audit --------------------------------------------------------------------------------------

  /**
   * Fills the log to {@code target} events with synthetic recognition events; returns events/s
   * ingested.
   */
  double fillAudit(long target) {
    long have = count("audit", "SELECT count(*) FROM audit_event");
    long missing = target - have;
    if (missing <= 0) {
      return Double.NaN;
    }
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262144),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (long i = 0; i < missing; i++) {
        String subject = Orgs.uscc(Province.ZJ, 30_000_000 + (i % 100_000));
        producer.send(recognitionGranted(EventIds.next(), subject));
      }
    }
    awaitCommitted("audit", Topics.RECOGNITION, published(Topics.RECOGNITION));
    return missing / seconds(start);
  }

  /**
   * After a bulk fill, lets PostgreSQL finish what the fill left it to do (vacuum, statistics,
   * writing dirty pages) so that the query latencies measure the steady state an auditor meets
   * rather than the autovacuum and checkpoint that follow a million inserts.
   */
  void settle(String database) {
    try (Connection c = postgres.connect(database);
        Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * From an event's arrival (the broker acknowledged it) until the audit API serves its inclusion
   * proof to a checkpoint the province witnesses cosigned: storing it, signing a checkpoint and a
   * round of cosignatures (asking for the proof of an event newer than the latest checkpoint has
   * one signed and witnessed at once).
   */
  Latencies witnessedCheckpoints(int samples) throws Exception {
    String auditor = federation.token(Roles.AUDITOR, null);
    Latencies latencies = new Latencies();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < samples; i++) {
        String subject = Orgs.uscc(Province.AH, 40_000_000 + i);
        UUID id = EventIds.next();
        producer.send(recognitionGranted(id, subject)).get();
        long arrived = System.nanoTime();
        String url = federation.url("audit") + "/api/v1/events/" + id;
        while (Api.get(url, auditor).statusCode() != 200) {
          if (seconds(arrived) > 30) {
            throw new IllegalStateException("no witnessed proof of " + id + " within 30 s");
          }
          pause(2);
        }
        latencies.record(System.nanoTime() - arrived);
      }
    }
    return latencies;
  }

  /** The audit service's own p50 and p99 of one round of cosignatures, in milliseconds. */
  double[] witnessingRound() {
    String metrics = Api.get(federation.url("audit") + "/q/metrics", null).body();
    double[] quantiles = new double[2];
    for (String line : metrics.split("\n")) {
      if (line.startsWith("yrd_audit_witnessing_seconds{")) {
        double ms = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000;
        if (line.contains("quantile=\"0.5\"")) {
          quantiles[0] = ms;
        } else if (line.contains("quantile=\"0.99\"")) {
          quantiles[1] = ms;
        }
      }
    }
    return quantiles;
  }

  /** A recognition-granted CloudEvent as the recognition service publishes it. */
  private static ProducerRecord<String, byte[]> recognitionGranted(UUID id, String subject) {
    ProducerRecord<String, byte[]> r =
        new ProducerRecord<>(
            Topics.RECOGNITION,
            subject,
            ("{\"id\":\""
                    + UUID.randomUUID()
                    + "\",\"uscc\":\""
                    + subject
                    + "\",\"status\":\"GRANTED\",\"reasons\":[\"ALL_CHECKS_PASSED\"]}")
                .getBytes(StandardCharsets.UTF_8));
    header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(r, CloudEventHeaders.ID, id.toString());
    header(r, CloudEventHeaders.SOURCE, "/yrd/recognition");
    header(r, CloudEventHeaders.TYPE, "cn.yrd.recognition.granted.v1");
    header(r, CloudEventHeaders.SUBJECT, subject);
    header(r, CloudEventHeaders.TIME, java.time.OffsetDateTime.now().toString());
    return r;
  }

  /** Latency of one organization's history, and of an inclusion proof. */
  Latencies[] auditQueries(int samples, Duration warmUp) {
    String auditor = federation.token(Roles.AUDITOR, null);
    List<String> ids = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    try (Connection c = postgres.connect("audit");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT event_id, subject FROM audit_event TABLESAMPLE SYSTEM (1) WHERE subject IS NOT NULL LIMIT "
                    + samples)) {
      while (r.next()) {
        ids.add(r.getString(1));
        subjects.add(r.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    // Warm both paths first, for as long as the registrations are warmed: after the fill the JIT
    // compiler still has a backlog, and while it works through it, it takes a core from requests.
    long warm = System.nanoTime() + warmUp.toNanos();
    while (System.nanoTime() < warm) {
      for (int i = 0; i < ids.size(); i++) {
        Api.get(
            federation.url("audit") + "/api/v1/events?uscc=" + subjects.get(i) + "&limit=100",
            auditor);
        Api.get(federation.url("audit") + "/api/v1/events/" + ids.get(i), auditor);
      }
    }
    Latencies history = new Latencies();
    Latencies proof = new Latencies();
    for (int i = 0; i < ids.size(); i++) {
      long t = System.nanoTime();
      Api.get(
          federation.url("audit") + "/api/v1/events?uscc=" + subjects.get(i) + "&limit=100",
          auditor);
      history.record(System.nanoTime() - t);
      t = System.nanoTime();
      Api.get(federation.url("audit") + "/api/v1/events/" + ids.get(i), auditor);
      proof.record(System.nanoTime() - t);
    }
    return new Latencies[] {history, proof};
  }

  /**
   * One verification run: events verified per second, events checked, whether the log is intact.
   */
  record Verification(double perSecond, long leaves, boolean intact) {}

  /**
   * Verification runs after one that warms the verifier's code; {@code runs} measured, in the order
   * run. One run lasts a few seconds, so the machine's other work moves it by a third either way.
   */
  List<Verification> verification(int runs) {
    verifyOnce();
    List<Verification> measured = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      measured.add(verifyOnce());
    }
    return measured;
  }

  private Verification verifyOnce() {
    long start = System.nanoTime();
    String report =
        Api.post(
                federation.url("audit") + "/api/v1/verification",
                federation.token(Roles.AUDITOR, null),
                "application/json",
                "")
            .body();
    double elapsed = seconds(start);
    Matcher m = Pattern.compile("\"leavesChecked\":(\\d+)").matcher(report);
    long leaves = m.find() ? Long.parseLong(m.group(1)) : 0;
    return new Verification(leaves / elapsed, leaves, report.contains("\"ok\":true"));
  }

  // helpers
  // -----------------------------------------------------------------------------------------

  interface Attempt {
    boolean attempt() throws Exception;
  }

  private static Run closedLoop(int clients, Duration duration, Attempt attempt) {
    Latencies latencies = new Latencies();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int i = 0; i < clients; i++) {
      pool.execute(
          () -> {
            while (System.nanoTime() < end) {
              long t = System.nanoTime();
              try {
                if (attempt.attempt()) {
                  latencies.record(System.nanoTime() - t);
                } else {
                  failures.incrementAndGet();
                }
              } catch (Exception e) {
                failures.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(duration.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Run(latencies.count() / seconds(start), latencies, failures.get());
  }

  long count(String database, String sql) {
    try (Connection c = postgres.connect(database);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code done} until it holds, for at most half an hour. */
  private static void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what);
      }
      pause(100);
    }
  }

  private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
