package cn.yrd.bench;

import cn.yrd.contracts.PersonReference;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.Federation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Figure 8: what provincial systems that are not Kafka clients get. 8a: from a registry's 201 to
 * the change on many feed subscribers, beside a plain Kafka consumer of the same events; 8b: the
 * check before registering under concurrent registrars, beside an authenticated read of the view.
 */
final class ProvincialSystemsBench {
  private static final Pattern FEED_CODE =
      Pattern.compile("\"kind\":\"ORGANIZATION\".*?\"uscc\":\"([0-9A-Z]{18})\"");

  private static final byte[] PERSON_KEY = "bench-person-key".getBytes(StandardCharsets.UTF_8);

  private final Federation federation;
  private final String bootstrap;
  private final HttpClient http = HttpClient.newHttpClient();

  ProvincialSystemsBench(Federation federation) {
    this.federation = federation;
    this.bootstrap = federation.infrastructure().kafkaBootstrapServers();
  }

  /**
   * 8a. {@code subscribers} follow the feed (NDJSON, Jiangsu's organizations) while Jiangsu's
   * registry takes registrations at {@code perSecond}: the time from each 201 until each subscriber
   * has the change. Also, as the baseline, until a Kafka consumer of the registration topic has the
   * event. Answers {feed, Kafka}; codes a subscriber never saw are reported by {@link
   * FeedRun#missed}.
   */
  FeedRun feedFreshness(int subscribers, int perSecond, Duration duration) throws Exception {
    int total = (int) (perSecond * duration.toSeconds());
    List<Long> serials = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < total; i++) {
      long serial = Orgs.next();
      serials.add(serial);
      expected.add(Orgs.uscc(Province.JS, serial));
    }
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    Latencies feed = new Latencies();
    Latencies kafka = new Latencies();
    AtomicBoolean following = new AtomicBoolean(true);
    CountDownLatch connected = new CountDownLatch(subscribers + 1);
    List<Benchmarks.Sightings> seen = new ArrayList<>();
    List<InputStream> streams = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    String token = federation.token(Roles.AUDITOR, null);
    URI feedUri =
        URI.create(federation.url("recognition") + "/api/v1/feed?province=JS&kind=ORGANIZATION");
    for (int i = 0; i < subscribers; i++) {
      Benchmarks.Sightings sightings = new Benchmarks.Sightings(expected, feed);
      seen.add(sightings);
      InputStream stream =
          http.send(
                  HttpRequest.newBuilder(feedUri)
                      .header("Authorization", "Bearer " + token)
                      .header("Accept", "application/x-ndjson")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream())
              .body();
      streams.add(stream);
      readers.add(
          start("feed-subscriber-" + i, () -> follow(stream, sightings, accepted, connected)));
    }
    Benchmarks.Sightings kafkaSeen = new Benchmarks.Sightings(expected, kafka);
    Thread consumer =
        start("kafka-baseline", () -> consume(kafkaSeen, accepted, following, connected));
    if (!connected.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("feed subscribers did not connect");
    }
    register(serials, perSecond, accepted);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline
        && (kafkaSeen.seen.size() < accepted.size()
            || seen.stream().anyMatch(s -> s.seen.size() < accepted.size()))) {
      Benchmarks.pause(50);
    }
    following.set(false);
    for (InputStream stream : streams) {
      stream.close();
    }
    for (Thread reader : readers) {
      reader.join(5_000);
    }
    consumer.join(10_000);
    long missed = seen.stream().mapToLong(s -> accepted.size() - s.seen.size()).sum();
    return new FeedRun(feed, kafka, accepted.size(), missed);
  }

  /**
   * The feed's latencies over all subscribers, the baseline's, and how many sightings never came.
   */
  record FeedRun(Latencies feed, Latencies kafka, int registered, long missed) {}

  private static void follow(
      InputStream stream,
      Benchmarks.Sightings sightings,
      Map<String, Long> accepted,
      CountDownLatch connected) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      boolean first = true;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (first) {
          // The feed's first line (a heartbeat) says where it starts: the subscriber is in.
          connected.countDown();
          first = false;
        }
        Matcher code = FEED_CODE.matcher(line);
        long now = System.nanoTime();
        sightings.settleEarly(accepted);
        if (code.find()) {
          sightings.first(code.group(1), accepted.get(code.group(1)), now);
        }
      }
    } catch (IOException e) {
      // Closed by the harness at the end of the run.
    }
  }

  private void consume(
      Benchmarks.Sightings sightings,
      Map<String, Long> accepted,
      AtomicBoolean following,
      CountDownLatch connected) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-feed-baseline-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.REGISTRATION));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);
      connected.countDown();
      while (following.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          sightings.settleEarly(accepted);
          sightings.first(record.key(), accepted.get(record.key()), now);
        }
      }
    }
  }

  /** Registers the serials in Jiangsu at the given rate, open loop; keeps each 201's time. */
  private void register(List<Long> serials, int perSecond, Map<String, Long> accepted)
      throws InterruptedException {
    String url = federation.registryUrl(Province.JS) + "/api/v1/registrations";
    String token = federation.token(Roles.REGISTRAR, Province.JS);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    long interval = 1_000_000_000L / perSecond;
    for (int i = 0; i < serials.size(); i++) {
      long wait = start + i * interval - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      long serial = serials.get(i);
      pool.execute(
          () -> {
            if (Api.post(url, token, "application/json", Orgs.json(Province.JS, serial, null))
                    .statusCode()
                == 201) {
              accepted.put(Orgs.uscc(Province.JS, serial), System.nanoTime());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
  }

  /**
   * 8b. {@code clients} registrars of Jiangsu ask the check before registering about intended
   * registrations (new codes, names and representatives), closed loop; the baseline is the same
   * clients reading one organization of the view ({@code GET /api/v1/organizations/{uscc}}).
   * Answers {clearance, baseline}.
   */
  Benchmarks.Run[] clearance(int clients, Duration warmUp, Duration duration) {
    String recognition = federation.url("recognition");
    String registrar = federation.token(Roles.REGISTRAR, Province.JS);
    String known = knownCode();
    URI read = URI.create(recognition + "/api/v1/organizations/" + known);
    HttpClosedLoop reads =
        new HttpClosedLoop(
            read.getHost(),
            read.getPort(),
            () -> Api.request("GET", read, registrar, null, null),
            200,
            Duration.ofSeconds(10));
    HttpClosedLoop checks =
        HttpClosedLoop.posting(
            URI.create(recognition + "/api/v1/clearance"),
            registrar,
            ProvincialSystemsBench::intendedRegistration,
            200,
            Duration.ofSeconds(10));
    reads.run(clients, warmUp);
    checks.run(clients, warmUp);
    Benchmarks.Run baseline = reads.run(clients, duration);
    Benchmarks.Run clearance = checks.run(clients, duration);
    return new Benchmarks.Run[] {clearance, baseline};
  }

  /** A registration a Jiangsu registrar intends: a code, name and representative of its own. */
  private static String intendedRegistration() {
    long serial = Orgs.next();
    String person =
        PersonReference.of(
            PERSON_KEY,
            ResidentIdNumber.compose(
                "320583",
                LocalDate.of(1970, 1, 1).plusDays(serial % 15_000),
                (int) (serial / 15_000 % 1000)));
    return "{\"uscc\":\""
        + Orgs.uscc(Province.JS, serial)
        + "\",\"normalizedName\":\"江苏省核查基准"
        + serial
        + "服务中心\",\"category\":\"SOCIAL_SERVICE_INSTITUTION\",\"personRef\":\""
        + person
        + "\"}";
  }

  private String knownCode() {
    long serial = Orgs.next();
    Api.Response r =
        Api.post(
            federation.registryUrl(Province.JS) + "/api/v1/registrations",
            federation.token(Roles.REGISTRAR, Province.JS),
            "application/json",
            Orgs.json(Province.JS, serial, null));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("registration for the read baseline: " + r.statusCode());
    }
    String code = Orgs.uscc(Province.JS, serial);
    String auditor = federation.token(Roles.AUDITOR, null);
    while (Api.get(federation.url("recognition") + "/api/v1/organizations/" + code, auditor)
            .statusCode()
        != 200) {
      Benchmarks.pause(50);
    }
    return code;
  }

  private static Thread start(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
