package cn.yrd.bench;

import cn.yrd.contracts.Province;
import cn.yrd.local.DemoData;
import cn.yrd.local.Federation;
import cn.yrd.local.InfraSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark harness: starts the real federation as the launcher does, measures each figure
 * beside a raw baseline from the same run, and writes a Markdown report. {@code --smoke} (small
 * sizes, under two minutes, run by the build) or {@code --full}.
 */
public final class BenchMain {
  /** How big each figure's run is. */
  record Sizes(
      String name,
      Duration warmUp,
      Duration warmWindow,
      Duration warmUpLimit,
      Duration closedLoop,
      int openLoopRate,
      Duration openLoop,
      int pipeline,
      int freshRate,
      Duration fresh,
      long auditEvents,
      int samples) {
    static final Sizes SMOKE =
        new Sizes(
            "smoke",
            // Every figure runs, briefly: the warm-up (the minimum of each registry warm-up) is
            // spent five times (figures 1, 3 and 4).
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            50,
            Duration.ofSeconds(3),
            2_000,
            20,
            Duration.ofSeconds(3),
            20_000,
            50);
    static final Sizes FULL =
        new Sizes(
            "full",
            // At least a minute of load; a registry is warmed in 20 s windows until its rate
            // settles, which on two cores shared by six JVMs takes several minutes.
            Duration.ofSeconds(60),
            Duration.ofSeconds(20),
            Duration.ofMinutes(8),
            Duration.ofSeconds(30),
            200,
            Duration.ofSeconds(30),
            200_000,
            200,
            Duration.ofSeconds(30),
            1_000_000,
            2_000);

    Sizes withPipeline(int registrations) {
      return new Sizes(
          name,
          warmUp,
          warmWindow,
          warmUpLimit,
          closedLoop,
          openLoopRate,
          openLoop,
          registrations,
          freshRate,
          fresh,
          auditEvents,
          samples);
    }
  }

  /** At most this many unrecorded imports warm the pipeline before the measured one. */
  static final int PIPELINE_WARM_UPS = 3;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> options = List.of(args);
    Sizes sizes = options.contains("--full") ? Sizes.FULL : Sizes.SMOKE;
    int pipeline = options.indexOf("--pipeline");
    if (pipeline >= 0) {
      sizes = sizes.withPipeline(Integer.parseInt(options.get(pipeline + 1)));
    }
    int only = options.indexOf("--only");
    Set<String> figures =
        only >= 0
            ? Set.of(options.get(only + 1).split(","))
            : Set.of("1", "2", "3", "4", "5", "7", "8");
    Path root = Path.of(System.getProperty("yrd.root", ".")).toAbsolutePath().normalize();
    int out = options.indexOf("--out");
    Path report =
        out >= 0
            ? Path.of(options.get(out + 1))
            : root.resolve(Path.of("bench", "target", "benchmarks-" + sizes.name() + ".md"));
    System.out.println(run(root, sizes, figures, report));
  }

  static String run(Path root, Sizes sizes, Path report) throws Exception {
    return run(root, sizes, Set.of("1", "2", "3", "4", "5", "7", "8"), report);
  }

  /** Runs the figures named in {@code figures} ("1" to "5", 7 and 8; 6 is DailyRulesBench). */
  static String run(Path root, Sizes sizes, Set<String> figures, Path report) throws Exception {
    Path state = root.resolve("bench/target/federation");
    InfraSettings infra =
        new InfraSettings(
            cn.yrd.local.InfraMode.EMBEDDED,
            state.resolve("data"),
            0,
            0,
            true,
            null,
            null,
            null,
            null);
    List<String> lines = new ArrayList<>();
    try (Federation federation =
        Federation.start(
            // As the launcher: Anhui refuses what would raise a HIGH conflict, the others warn.
            new Federation.Options(root, state, infra, false)
                .refusingHighConflictsIn(Province.AH))) {
      Benchmarks b = new Benchmarks(federation);
      lines.add(
          "# Benchmarks ("
              + sizes.name()
              + " run, "
              + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
              + ")");
      lines.add("");
      lines.add(
          "Machine: "
              + Machine.describe()
              + ". Every figure is measured in the same run as its baseline, on the same embedded Kafka and PostgreSQL; results are ratios.");
      lines.add(
          "Reproduce: `./mvnw -B install -DskipTests && ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=cn.yrd.bench.BenchMain -Dexec.args=\"--"
              + sizes.name()
              + "\"` (writes `bench/target/benchmarks-"
              + sizes.name()
              + ".md`; docs/benchmarks.md is written by hand around it)");
      lines.add("");
      lines.add("| # | figure | result | baseline (same run) | ratio | target |");
      lines.add("|---|---|---|---|---|---|");

      if (figures.contains("1")) {
        // Warm both paths first: a cold JVM measures its JIT compiler, not the service.
        b.jdbcBaseline(16, sizes.warmUp());
        Benchmarks.Run baseline = b.jdbcBaseline(16, sizes.closedLoop());
        List<Double> warm = warmRegistry(b, Province.SH, sizes);
        Benchmarks.Run closed = b.closedLoopRegistrations(Province.SH, 16, sizes.closedLoop());
        lines.add(
            row(
                "1a",
                "registrations, 16 clients closed loop",
                String.format(
                    "%.0f/s; %s; %d failed (after warm-up windows of %d s at %s/s)",
                    closed.perSecond(),
                    closed.latencies().summary(),
                    closed.failures(),
                    sizes.warmWindow().toSeconds(),
                    rates(warm)),
                String.format(
                    "JDBC org+outbox insert ×16: %.0f tx/s; %s",
                    baseline.perSecond(), baseline.latencies().summary()),
                String.format("%.0f%%", 100 * closed.perSecond() / baseline.perSecond()),
                "≥ 50% of baseline, p99 ≤ 25 ms"));
        // The closed loop leaves recognition and audit a backlog that would share the cores.
        b.awaitConsumersIdle(Province.SH);
        Benchmarks.Run open = b.openLoopRegistrations(sizes.openLoopRate(), sizes.openLoop());
        lines.add(
            row(
                "1b",
                "registrations at " + sizes.openLoopRate() + "/s open loop",
                open.latencies().summary() + "; " + open.failures() + " failed",
                "—",
                "—",
                "latency without coordinated omission"));
      }
      if (figures.contains("2")) {

        double[] kafka = b.kafkaBaseline(sizes.pipeline());
        // As figures 1 and 3 warm their paths until their rates settle, unrecorded imports of the
        // same size warm the import path of every service until one ends less than a tenth sooner
        // than the one before; each returns once recognition and audit have consumed it.
        List<Benchmarks.Pipeline> warm =
            Benchmarks.warmUntilSettled(PIPELINE_WARM_UPS, () -> b.pipeline(sizes.pipeline()));
        Benchmarks.Pipeline pipe = b.pipeline(sizes.pipeline());
        lines.add(
            row(
                "2",
                String.format(
                    "pipeline: bulk import %,d (¼ per province, 1%% name collisions)",
                    pipe.registrations()),
                String.format(
                    "import %.1f s (%.0f/s); recognition caught up at %.1f s (%.0f events/s); audit at %.1f s (%.0f events/s) (after %d unrecorded warm-up imports of %,d%s: end to end %s s; the first, cold, imported in %.1f s)",
                    pipe.importSeconds(),
                    pipe.registrations() / pipe.importSeconds(),
                    pipe.recognitionSeconds(),
                    pipe.registrations() / pipe.recognitionSeconds(),
                    pipe.auditSeconds(),
                    pipe.registrations() / pipe.auditSeconds(),
                    warm.size(),
                    pipe.registrations(),
                    Benchmarks.settled(warm) ? "" : ", not yet settled",
                    String.join(
                        ", ",
                        warm.stream()
                            .map(w -> String.format("%.1f", w.endToEndSeconds()))
                            .toList()),
                    warm.get(0).importSeconds()),
                String.format(
                    "raw Kafka produce %.0f/s + consume %.0f/s = %.1f s",
                    kafka[0], kafka[1], kafka[2]),
                String.format("%.1f× slower end to end", pipe.endToEndSeconds() / kafka[2]),
                "200,000 end to end ≤ 60 s"));
      }
      if (figures.contains("3")) {
        // The Jiangsu registry it writes to is warmed as figure 1 warmed Shanghai's, its backlog
        // consumed; then a first, unrecorded run warms recognition's conflict opening.
        List<Double> warm = warmRegistry(b, Province.JS, sizes);
        b.awaitConsumersIdle(Province.JS);
        b.freshness(sizes.freshRate(), sizes.warmUp());
        Latencies[] fresh = b.freshness(sizes.freshRate(), sizes.fresh());
        lines.add(
            row(
                "3a",
                "freshness at " + sizes.freshRate() + "/s: 201 → conflict in recognition API",
                fresh[0].summary()
                    + String.format(
                        " (Jiangsu registry warmed in %d s windows at %s/s)",
                        sizes.warmWindow().toSeconds(), rates(warm)),
                "—",
                "—",
                "p99 ≤ 1 s"));
        lines.add(
            row(
                "3b",
                "freshness at " + sizes.freshRate() + "/s: 201 → event queryable in audit",
                fresh[1].summary(),
                "—",
                "—",
                "p99 ≤ 1 s"));
      }
      if (figures.contains("4")) {
        double ingest = b.fillAudit(sizes.auditEvents());
        long stored = b.count("audit", "SELECT count(*) FROM audit_event");
        b.settle("audit");
        Latencies[] audit = b.auditQueries(sizes.samples(), sizes.warmUp());
        List<Benchmarks.Verification> verify = b.verification(3);
        Benchmarks.Verification median =
            verify.stream()
                .sorted(Comparator.comparingDouble(Benchmarks.Verification::perSecond))
                .toList()
                .get(verify.size() / 2);
        lines.add(
            row(
                "4a",
                String.format("audit with %,d events: one organization's history", stored),
                audit[0].summary(),
                "—",
                "—",
                "p99 ≤ 20 ms"));
        lines.add(
            row(
                "4b",
                "audit: event with inclusion proof",
                audit[1].summary(),
                "—",
                "—",
                "p99 ≤ 5 ms"));
        lines.add(
            row(
                "4c",
                "audit: full verification run",
                String.format(
                    "%,.0f events/s (median of %s) over %,d events (log intact: %s)",
                    median.perSecond(),
                    verify.stream()
                        .map(v -> String.format("%,.0f", v.perSecond()))
                        .collect(Collectors.joining(", ")),
                    median.leaves(),
                    verify.stream().allMatch(Benchmarks.Verification::intact) ? "yes" : "NO"),
                Double.isNaN(ingest)
                    ? "—"
                    : String.format("ingest while filling: %,.0f events/s", ingest),
                "—",
                "≥ 200,000 events/s"));
      }
      if (figures.contains("7")) {
        Latencies witnessed = b.witnessedCheckpoints(sizes.samples() / 4);
        double[] round = b.witnessingRound();
        lines.add(
            row(
                "7a",
                "audit: event arrival → proof to a checkpoint 3 of 4 province witnesses cosigned",
                witnessed.summary(),
                "—",
                "—",
                "reported"));
        lines.add(
            row(
                "7b",
                "audit: one round of cosignatures from the 4 witnesses (the witness overhead per"
                    + " checkpoint, the audit service's own timer)",
                String.format("p50 %.1f ms · p99 %.1f ms", round[0], round[1]),
                "—",
                "—",
                "reported"));
      }
      if (figures.contains("8")) {
        lines.addAll(provincialSystems(federation, sizes));
      }
      Map<String, double[]> startup = Machine.startupAndMemory(federation, state.resolve("logs"));
      startup.forEach(
          (name, v) ->
              lines.add(
                  row(
                      "5",
                      name + ": startup / resident memory",
                      String.format("%.1f s / %.0f MiB", v[0], v[1]),
                      "—",
                      "—",
                      "ready ≤ 3 s")));
    }
    lines.add("");
    lines.add(
        "Startup times are Quarkus' own \"started in\", the services started one after the other as the launcher does (with the class-data-sharing archives an earlier clean stop wrote, if any); memory is VmRSS after the run.");
    String markdown = String.join("\n", lines) + "\n";
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown);
    return markdown;
  }

  private static List<Double> warmRegistry(Benchmarks b, Province province, Sizes sizes) {
    return Benchmarks.warmUntilSteady(
        sizes.warmWindow(),
        sizes.warmUp(),
        sizes.warmUpLimit(),
        window -> b.closedLoopRegistrations(province, 16, window));
  }

  private static String rates(List<Double> perSecond) {
    return String.join(", ", perSecond.stream().map(r -> String.format("%.0f", r)).toList());
  }

  private static String row(
      String id, String figure, String result, String baseline, String ratio, String target) {
    return "| " + id + " | " + figure + " | " + result + " | " + baseline + " | " + ratio + " | "
        + target + " |";
  }

  /** Facts about the machine and the processes. */
  /** Figure 8: the feed, the check before registering, and what the check prevents in the demo. */
  private static List<String> provincialSystems(Federation federation, Sizes sizes)
      throws Exception {
    ProvincialSystemsBench p = new ProvincialSystemsBench(federation);
    List<String> lines = new ArrayList<>();
    p.feedFreshness(FEED_SUBSCRIBERS, FEED_RATE, sizes.warmUp());
    lines.add(
        feedRow("8a", p.feedFreshness(FEED_SUBSCRIBERS, FEED_RATE, sizes.fresh()), FEED_RATE));
    if (sizes.name().equals("full")) {
      // Where it saturates: figure 3's rate, ten times the one above.
      lines.add(
          feedRow(
              "8a′",
              p.feedFreshness(FEED_SUBSCRIBERS, sizes.freshRate(), sizes.fresh()),
              sizes.freshRate()));
    }
    Benchmarks.Run[] clearance = p.clearance(16, sizes.warmUp(), sizes.closedLoop());
    lines.add(
        row(
            "8b",
            "check before registering (POST /api/v1/clearance), 16 registrars closed loop",
            String.format(
                "%.0f/s; %s; %d failed",
                clearance[0].perSecond(),
                clearance[0].latencies().summary(),
                clearance[0].failures()),
            String.format(
                "GET /api/v1/organizations/{uscc} ×16: %.0f/s; %s",
                clearance[1].perSecond(), clearance[1].latencies().summary()),
            String.format(
                "%.1f× the read's p99",
                clearance[0].latencies().percentileMillis(99)
                    / clearance[1].latencies().percentileMillis(99)),
            "p99 ≤ 20 ms"));
    DemoData.Clearances demo =
        DemoData.load(federation, DEMO_SIZE, new PrintStream(OutputStream.nullOutputStream()));
    lines.add(
        row(
            "8c",
            "the demo's seeded conflicts the check before registering flags (Anhui refusing)",
            String.format(
                "%d of the %d raised by a registration flagged, %d of them refused; %d seeded in"
                    + " all (the others are raised by a revocation or a supervision measure)",
                demo.flagged(), demo.raisedByRegistration(), demo.refused(), demo.seeded()),
            "—",
            String.format("%.0f%%", 100.0 * demo.flagged() / demo.raisedByRegistration()),
            "all it can see"));
    return lines;
  }

  private static String feedRow(String figure, ProvincialSystemsBench.FeedRun feed, int rate) {
    return row(
        figure,
        String.format(
            "201 → the change on %d feed subscribers, %d registrations at %d/s",
            FEED_SUBSCRIBERS, feed.registered(), rate),
        feed.feed().summary() + "; " + feed.missed() + " sightings missing",
        "a Kafka consumer of yrd.registration.v1: " + feed.kafka().summary(),
        String.format(
            "+%.1f ms at p99",
            feed.feed().percentileMillis(99) - feed.kafka().percentileMillis(99)),
        "p99 ≤ 500 ms");
  }

  /**
   * Registrations per second while the feed is measured: about 1.7 million changes a day, many
   * times what the four registries' 200,000 organizations produce.
   */
  static final int FEED_RATE = Integer.getInteger("yrd.bench.feed-rate", 20);

  static final int FEED_SUBSCRIBERS = Integer.getInteger("yrd.bench.feed-subscribers", 50);
  static final int DEMO_SIZE = 100;

  static final class Machine {
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    static String describe() {
      String cpu = "unknown CPU";
      try {
        cpu =
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse(cpu);
      } catch (IOException ignored) {
        // not Linux
      }
      return Runtime.getRuntime().availableProcessors()
          + " cores ("
          + cpu
          + "), "
          + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB heap for the harness, Java "
          + Runtime.version();
    }

    static Map<String, double[]> startupAndMemory(Federation federation, Path logs)
        throws IOException {
      Map<String, double[]> result = new java.util.LinkedHashMap<>();
      for (String name : federation.urls().keySet()) {
        Matcher m = STARTED.matcher(Files.readString(logs.resolve(name + ".log")));
        double started = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        result.put(name, new double[] {started, rssMiB(federation.process(name).pid())});
      }
      return result;
    }

    private static double rssMiB(long pid) {
      try {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
            .filter(l -> l.startsWith("VmRSS:"))
            .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024)
            .findFirst()
            .orElse(Double.NaN);
      } catch (IOException e) {
        return Double.NaN;
      }
    }
  }
}
