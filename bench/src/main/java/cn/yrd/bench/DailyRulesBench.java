package cn.yrd.bench;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.local.Federation;
import cn.yrd.local.InfraMode;
import cn.yrd.local.InfraSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Figure 6: the daily re-evaluation of the date-driven rules (ADR 0013) over a loaded federation.
 * The organizations reach recognition as the registries publish them, with realistic shares of
 * grades (12 %, awarded over the last five years), revocations (1 %, each with a representative who
 * now leads another ACTIVE organization) and listings (3 % abnormal, 0.5 % serious). Then
 * recognition's business date moves on by one day, and by a year (a restart after a missed year),
 * while one client reads the API; each is timed until the service has settled on the new day.
 * Baseline: one SQL pass over the same rows. {@code --orgs N} (default 200,000).
 */
public final class DailyRulesBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private DailyRulesBench() {}

  public static void main(String[] args) throws Exception {
    int orgs = 200_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--orgs")) {
        orgs = Integer.parseInt(args[++i]);
      }
    }
    Path root = Path.of(System.getProperty("yrd.root", ".")).toAbsolutePath().normalize();
    String report = run(root, orgs);
    Path out = root.resolve("bench/target/benchmarks-daily.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    System.exit(0);
  }

  /** Loads the federation, measures, and returns the report's Markdown. */
  static String run(Path root, int orgs) throws Exception {
    Path state = root.resolve("bench/target/federation-daily");
    InfraSettings infra =
        new InfraSettings(
            InfraMode.EMBEDDED, state.resolve("data"), 0, 0, true, null, null, null, null);
    try (Federation federation =
        Federation.start(new Federation.Options(root, state, infra, false, true))) {
      String recognition = federation.url("recognition");
      String auditor = federation.token(Roles.AUDITOR, null);
      LocalDate today = LocalDate.parse(clock(recognition).path("today").asText());
      List<String> codes = seed(federation, orgs, today);
      awaitSettled(recognition);
      double scanMillis = sqlPass(federation);

      Latencies idle = probe(recognition, auditor, codes, Duration.ofSeconds(10), null);
      Timed day = moveAndTime(federation, today, recognition, auditor, codes, today.plusDays(1));
      Timed year =
          moveAndTime(
              federation, today.plusDays(1), recognition, auditor, codes, today.plusDays(366));
      List<String> lines = new ArrayList<>();
      lines.add("# Daily re-evaluation of the date-driven rules (" + LocalDate.now() + ")");
      lines.add("");
      lines.add(
          "Reproduce: `./mvnw -B install -DskipTests && ./mvnw -B -q -pl bench exec:java"
              + " -Dexec.mainClass=cn.yrd.bench.DailyRulesBench -Dexec.args=\"--orgs "
              + orgs
              + "\"`");
      lines.add("");
      lines.add(
          "| run | scopes evaluated | wall time (the check runs every second) |"
              + " recognition CPU (API included) | API while it ran | baseline (same run) |");
      lines.add("|---|---|---|---|---|---|");
      String baseline =
          String.format(
              "one SQL pass over the %,d rows: %.0f ms; API idle p50 %.1f ms, p99 %.1f ms (n=%d)",
              orgs, scanMillis, idle.percentileMillis(50), idle.percentileMillis(99), idle.count());
      lines.add(day.row("one business day", baseline));
      lines.add(year.row("a missed year caught up at once", baseline));
      return String.join("\n", lines) + "\n";
    }
  }

  /** One timed move of the business date, and what the run reported it evaluated. */
  record Timed(double seconds, double cpuSeconds, Latencies during, String evaluated) {
    String row(String what, String baseline) {
      return String.format(
          "| %s | %s | %.2f s | %.2f s | p50 %.1f ms, p99 %.1f ms (n=%d) | %s |",
          what,
          evaluated,
          seconds,
          cpuSeconds,
          during.percentileMillis(50),
          during.percentileMillis(99),
          during.count(),
          baseline);
    }
  }

  private static Timed moveAndTime(
      Federation federation,
      LocalDate from,
      String recognition,
      String auditor,
      List<String> codes,
      LocalDate day)
      throws Exception {
    ProcessHandle process = federation.process("recognition");
    Duration cpuBefore = process.info().totalCpuDuration().orElse(Duration.ZERO);
    AtomicBoolean running = new AtomicBoolean(true);
    Latencies during = new Latencies();
    Thread reader =
        new Thread(
            () -> {
              while (running.get()) {
                probeOnce(recognition, auditor, codes, during, new Random());
              }
            });
    reader.start();
    long start = System.nanoTime();
    put(recognition + "/api/v1/test-clock", "{\"today\":\"" + day + "\"}");
    awaitSettled(recognition);
    double seconds = (System.nanoTime() - start) / 1e9;
    running.set(false);
    reader.join();
    Duration cpuAfter = process.info().totalCpuDuration().orElse(Duration.ZERO);
    return new Timed(
        seconds,
        cpuAfter.minus(cpuBefore).toMillis() / 1000.0,
        during,
        scopes(federation, from, day));
  }

  /**
   * The scopes a move from {@code from} to {@code to} re-evaluates, counted as recognition selects
   * them: organizations whose grade expires in between, persons whose bar ends in between (five
   * years after a revocation).
   */
  private static String scopes(Federation federation, LocalDate from, LocalDate to)
      throws Exception {
    var postgres = federation.infrastructure().postgres();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("recognition"), postgres.user(), postgres.password());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT count(DISTINCT uscc) FROM org_record WHERE grade_expires_on > '"
                    + from
                    + "' AND grade_expires_on <= '"
                    + to
                    + "'), (SELECT count(DISTINCT person_ref) FROM org_record"
                    + " WHERE revocation_date > '"
                    + from.minusYears(5)
                    + "' AND revocation_date <= '"
                    + to.minusYears(5)
                    + "')")) {
      r.next();
      return String.format("%,d organizations, %,d persons", r.getLong(1), r.getLong(2));
    }
  }

  /**
   * Publishes every organization as its registry would (binary CloudEvents, key = USCC, gap-free
   * sequences per province) and waits until recognition has applied them all; returns the codes.
   */
  private static List<String> seed(Federation federation, int orgs, LocalDate today)
      throws Exception {
    Properties config = new Properties();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        federation.infrastructure().kafkaBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    Random random = new Random(42);
    long[] sequences = new long[Province.values().length];
    List<String> codes = new ArrayList<>(orgs);
    long barredPerson = -1;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < orgs; i++) {
        Province province = Province.values()[i % 4];
        String uscc =
            UsccGenerator.generate(
                    province, Orgs.division(province), OrgCategory.SOCIAL_GROUP, 30_000_000L + i)
                .value();
        codes.add(uscc);
        double r = random.nextDouble();
        boolean revoked = r < 0.01;
        // A revoked organization's representative leads the next one, which stays ACTIVE.
        String person = String.format("%064x", !revoked && barredPerson >= 0 ? barredPerson : i);
        barredPerson = revoked ? i : -1;
        String grade = "null";
        if (random.nextDouble() < 0.12) {
          LocalDate awarded = today.minusDays(random.nextInt(1826));
          grade =
              "{\"level\":"
                  + (1 + random.nextInt(5))
                  + ",\"awardedOn\":\""
                  + awarded
                  + "\",\"expiresOn\":\""
                  + awarded.plusYears(5)
                  + "\"}";
        }
        double listed = random.nextDouble();
        String revocation =
            revoked
                ? "{\"date\":\""
                    + today.minusDays(1 + random.nextInt(1825))
                    + "\",\"reason\":\"严重违法\",\"decisionNumber\":\"撤〔2025〕1号\"}"
                : "null";
        String payload =
            "{\"organization\":{\"uscc\":\""
                + uscc
                + "\",\"name\":\""
                + province.chineseName()
                + "日评测试"
                + i
                + "协会\",\"category\":\"SOCIAL_GROUP\",\"province\":\""
                + province
                + "\",\"legalRepresentative\":{\"name\":\"王芳\",\"personRef\":\""
                + person
                + "\"},\"domicile\":\"某路1号\",\"businessScope\":\"行业服务\",\"registeredFunds\":100000,"
                + "\"registrationAuthority\":\"民政厅\",\"establishmentDate\":\"2015-01-01\",\"status\":\""
                + (revoked ? "REVOKED" : "ACTIVE")
                + "\",\"grade\":"
                + grade
                + ",\"abnormalListed\":"
                + (listed < 0.03)
                + ",\"seriousListed\":"
                + (listed >= 0.03 && listed < 0.035)
                + ",\"revocation\":"
                + revocation
                + ",\"version\":0},\"change\":{\"date\":\""
                + today
                + "\",\"reason\":\"基准\"}}";
        long sequence = ++sequences[province.ordinal()];
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(
                Topics.REGISTRATION, uscc, payload.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.registrySource(province));
        header(
            record, CloudEventHeaders.TYPE, revoked ? EventTypes.REVOKED : EventTypes.REGISTERED);
        header(record, CloudEventHeaders.SUBJECT, uscc);
        header(record, CloudEventHeaders.TIME, java.time.OffsetDateTime.now().toString());
        header(record, CloudEventHeaders.PROVINCE, province.name());
        header(record, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        producer.send(record);
      }
      producer.flush();
    }
    // The trackers themselves, not the API: its data-quality figure reads the whole view.
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    var postgres = federation.infrastructure().postgres();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("recognition"), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      while (true) {
        boolean all = true;
        for (Province p : Province.values()) {
          try (ResultSet r =
              s.executeQuery(
                  "SELECT coalesce(max(contiguous), 0) FROM sequence_tracker WHERE province = '"
                      + p
                      + "'")) {
            r.next();
            all &= r.getLong(1) >= sequences[p.ordinal()];
          }
        }
        if (all) {
          return codes;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("recognition did not apply the seed within 30 minutes");
        }
        Thread.sleep(500);
      }
    }
  }

  private static double sqlPass(Federation federation) throws Exception {
    var postgres = federation.infrastructure().postgres();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("recognition"), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      String sql =
          "SELECT count(*), count(grade_expires_on), count(revocation_date),"
              + " count(*) FILTER (WHERE abnormal_listed OR serious_listed) FROM org_record";
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        try (ResultSet r = s.executeQuery(sql)) {
          r.next();
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e6);
      }
      return best;
    }
  }

  private static Latencies probe(
      String recognition, String auditor, List<String> codes, Duration length, Latencies into) {
    Latencies latencies = into == null ? new Latencies() : into;
    Random random = new Random();
    long end = System.nanoTime() + length.toNanos();
    while (System.nanoTime() < end) {
      probeOnce(recognition, auditor, codes, latencies, random);
    }
    return latencies;
  }

  private static void probeOnce(
      String recognition, String auditor, List<String> codes, Latencies into, Random random) {
    String uscc = codes.get(random.nextInt(codes.size()));
    long start = System.nanoTime();
    Api.get(recognition + "/api/v1/organizations/" + uscc, auditor);
    into.record(System.nanoTime() - start);
  }

  private static JsonNode clock(String service) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service + "/api/v1/test-clock")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(answer.body());
  }

  private static void put(String url, String body) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static void awaitSettled(String recognition) throws Exception {
    while (!clock(recognition).path("settled").asBoolean()) {
      Thread.sleep(20);
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
