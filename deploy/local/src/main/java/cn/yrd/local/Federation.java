package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.tlog.Ed25519KeyFile;
import cn.yrd.contracts.tlog.VerifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole federation on one machine: the infrastructure in this JVM, and the four registries,
 * recognition and audit each as its own process, started the way a deployment would start them.
 */
public final class Federation implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  /** The audit log's origin, its default ({@code yrd.audit.origin}). */
  private static final String AUDIT_ORIGIN = "yrd.example/audit";

  /**
   * @param root the repository root (where the service modules' {@code target/} folders are)
   * @param stateDir keys and logs (and, for the embedded infrastructure, its data)
   * @param infra the infrastructure settings
   * @param fixedPorts the README's ports (registries 8101-8104, recognition 8200, audit 8300);
   *     otherwise free ones
   * @param movableClock the registries and recognition run in the test profile, whose business
   *     clock the conformance runner moves ({@code PUT /api/v1/test-clock}); never in production
   * @param tracingEndpoint an OTLP/HTTP endpoint every service exports its spans to; null: the
   *     services' own setting ({@code YRD_TRACING_OTLP_ENDPOINT}, else no tracing)
   * @param refusingHighConflicts a province whose registry refuses registrations that the check
   *     before registering finds would raise a HIGH conflict; null: every registry only warns
   * @param progress told a line for each service as it becomes ready
   */
  public record Options(
      Path root,
      Path stateDir,
      InfraSettings infra,
      boolean fixedPorts,
      boolean movableClock,
      String tracingEndpoint,
      Province refusingHighConflicts,
      Consumer<String> progress) {

    public Options(Path root, Path stateDir, InfraSettings infra, boolean fixedPorts) {
      this(root, stateDir, infra, fixedPorts, false);
    }

    public Options(
        Path root, Path stateDir, InfraSettings infra, boolean fixedPorts, boolean movableClock) {
      this(root, stateDir, infra, fixedPorts, movableClock, null, null, line -> {});
    }

    /** The same federation, its spans exported to an OTLP/HTTP endpoint. */
    public Options tracingTo(String endpoint) {
      return new Options(
          root,
          stateDir,
          infra,
          fixedPorts,
          movableClock,
          endpoint,
          refusingHighConflicts,
          progress);
    }

    /** The same federation, one province's registry refusing what would raise a HIGH conflict. */
    public Options refusingHighConflictsIn(Province province) {
      return new Options(
          root, stateDir, infra, fixedPorts, movableClock, tracingEndpoint, province, progress);
    }

    /** The same federation, saying which service is ready as it starts them. */
    public Options reportingTo(Consumer<String> lines) {
      return new Options(
          root,
          stateDir,
          infra,
          fixedPorts,
          movableClock,
          tracingEndpoint,
          refusingHighConflicts,
          lines);
    }
  }

  private final Infrastructure infrastructure;
  private final DevIssuers issuers;
  private final Map<String, ServiceProcess> services;

  private Federation(
      Infrastructure infrastructure, DevIssuers issuers, Map<String, ServiceProcess> services) {
    this.infrastructure = infrastructure;
    this.issuers = issuers;
    this.services = services;
  }

  public static Federation start(Options options) {
    return start(options, Infrastructure.start(options.infra()));
  }

  /** Starts the services on infrastructure the caller started; closing the federation closes it. */
  public static Federation start(Options options, Infrastructure infrastructure) {
    Map<String, ServiceProcess> started = new LinkedHashMap<>();
    Path keys = options.stateDir().resolve("keys");
    DevIssuers issuers = DevIssuers.start(keys, options.fixedPorts() ? 8180 : 0);
    try {
      String personKey = personKey(keys);
      PostgresServer postgres = infrastructure.postgres();
      ServiceDatabases.all().forEach(postgres::ensureDatabase);
      Path logs = options.stateDir().resolve("logs");
      Path tmp = options.stateDir().resolve("tmp");
      Map<String, String> common = new LinkedHashMap<>();
      common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
      common.put("YRD_JDBC_USER", postgres.user());
      common.put("YRD_JDBC_PASSWORD", postgres.password());
      common.put("YRD_OIDC_URL", issuers.url());
      common.put("YRD_PERSON_KEY", personKey);
      // Every service on one machine: consumers yield the cores to requests (ADR 0012).
      common.put("YRD_CONSUMER_BACKGROUND", "true");
      if (options.tracingEndpoint() != null) {
        common.put("YRD_TRACING_OTLP_ENDPOINT", options.tracingEndpoint());
        common.put("YRD_TRACING_OTLP_PROTOCOL", "http/protobuf");
      }

      // The console first: the services allow its origin (CORS).
      int consolePort = port(options, 8400);
      ServiceProcess console =
          ServiceProcess.start(
              "console", jar(options, "console"), consolePort, Map.of(), logs, tmp);
      ready(options, started, "console", console);
      common.put(
          "YRD_CONSOLE_ORIGINS",
          "http://127.0.0.1:" + consolePort + ",http://localhost:" + consolePort);

      Map<String, String> clocked = new LinkedHashMap<>(common);
      if (options.movableClock()) {
        clocked.put("QUARKUS_PROFILE", "test");
      }
      // The log's key and each province's witness key, generated here on first start so that each
      // side can be told the other's public key before either starts (never committed).
      Path auditKey = keys.resolve("audit-ed25519.pem").toAbsolutePath();
      VerifierKey logKey =
          new VerifierKey(
              AUDIT_ORIGIN,
              VerifierKey.ED25519,
              VerifierKey.raw(Ed25519KeyFile.load(auditKey, true).getPublic()));
      List<String> witnesses = new ArrayList<>();
      StringBuilder witnessEnv =
          new StringBuilder(
                  "# Verifier keys for deploy/compose (--env-file); public, not secret.\n")
              .append("YRD_AUDIT_VERIFIER_KEY=")
              .append(logKey)
              .append('\n');
      // Each registry asks recognition before it registers (登记前核查); recognition starts last.
      int recognitionPort = port(options, 8200);
      int port = 8101;
      for (Province province : Province.values()) {
        Path witnessKey =
            keys.resolve("witness-" + province.name() + "-ed25519.pem").toAbsolutePath();
        VerifierKey cosigner =
            new VerifierKey(
                "yrd.example/witness/" + province.name(),
                VerifierKey.COSIGNATURE_V1,
                VerifierKey.raw(Ed25519KeyFile.load(witnessKey, true).getPublic()));
        int registryPort = port(options, port++);
        witnesses.add("http://127.0.0.1:" + registryPort + "/witness " + cosigner);
        witnessEnv.append("YRD_WITNESS_VERIFIER_KEY_" + province.name() + "=" + cosigner + "\n");
        Map<String, String> env = new LinkedHashMap<>(clocked);
        env.put("PROVINCE", province.name());
        env.put("YRD_PUBLIC_URL", "http://localhost:" + registryPort);
        env.put("YRD_WITNESS_LOGS", logKey.toString());
        env.put("YRD_WITNESS_KEY", witnessKey.toString());
        env.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.registry(province.name())));
        env.put("YRD_CLEARANCE_URL", "http://127.0.0.1:" + recognitionPort);
        env.put(
            "YRD_CLEARANCE_MODE",
            province == options.refusingHighConflicts() ? "REFUSE_HIGH" : "WARN");
        ready(
            options,
            started,
            registryName(province),
            ServiceProcess.start(
                registryName(province),
                jar(options, "registry-service"),
                registryPort,
                env,
                logs,
                tmp));
      }
      writeString(keys.resolve("witnesses.env"), witnessEnv.toString());
      Map<String, String> recognition = new LinkedHashMap<>(clocked);
      recognition.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.RECOGNITION));
      recognition.put("YRD_PUBLIC_URL", "http://localhost:" + recognitionPort);
      ready(
          options,
          started,
          "recognition",
          ServiceProcess.start(
              "recognition",
              jar(options, "recognition-service"),
              recognitionPort,
              recognition,
              logs,
              tmp));
      Map<String, String> audit = new LinkedHashMap<>(common);
      audit.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.AUDIT));
      audit.put("YRD_AUDIT_SIGNING_KEY", auditKey.toString());
      audit.put("YRD_AUDIT_WITNESSES", String.join(",", witnesses));
      int auditPort = port(options, 8300);
      audit.put("YRD_PUBLIC_URL", "http://localhost:" + auditPort);
      ready(
          options,
          started,
          "audit",
          ServiceProcess.start(
              "audit", jar(options, "audit-service"), auditPort, audit, logs, tmp));
      return new Federation(infrastructure, issuers, started);
    } catch (RuntimeException e) {
      started.values().forEach(ServiceProcess::close);
      issuers.close();
      infrastructure.close();
      throw e;
    }
  }

  public static String registryName(Province province) {
    return "registry-" + province.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The base URL of a service: {@code registry-sh} … {@code registry-ah}, {@code recognition},
   * {@code audit}.
   */
  public String url(String service) {
    return services.get(service).url();
  }

  public String registryUrl(Province province) {
    return url(registryName(province));
  }

  /** The six services' base URLs (the console's is {@link #consoleUrl}). */
  public Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    services.forEach(
        (name, process) -> {
          if (!name.equals("console")) {
            urls.put(name, process.url());
          }
        });
    return urls;
  }

  /** The operator console's URL. */
  public String consoleUrl() {
    return url("console");
  }

  /**
   * A development token for a role from the province's issuer (null: the federation's, for
   * region-wide roles), valid 12 hours.
   */
  public String token(String role, Province province) {
    return issuers.token(role, province, Duration.ofHours(12));
  }

  /** The development issuers, for tokens with chosen claims (expired, another issuer). */
  public DevIssuers issuers() {
    return issuers;
  }

  /** kill -9 of one service (see {@link #url} for the names). */
  public void kill(String service) {
    services.get(service).kill();
  }

  /** Stops one service gracefully (SIGTERM), as an operator would. */
  public void stop(String service) {
    services.get(service).close();
  }

  /** Starts a killed or stopped service again on its port and waits until it is ready. */
  public void restart(String service) {
    ServiceProcess again = services.get(service).startAgain();
    services.put(service, again);
    again.awaitReady(READY_TIMEOUT);
  }

  /** The process of one service or of the console. */
  public ProcessHandle process(String name) {
    return services.get(name).handle();
  }

  /** Every process the federation started, the console included. */
  public List<ProcessHandle> processes() {
    return services.values().stream().map(ServiceProcess::handle).toList();
  }

  public Infrastructure infrastructure() {
    return infrastructure;
  }

  /**
   * Stops the federation without waiting for class-data archives: every service is asked to stop at
   * once; as soon as each has shut its application down (or after {@code limit}, when the rest are
   * killed), the infrastructure stops. A JVM still writing its archive finishes it by itself, at
   * the lowest CPU priority so that the infrastructure's own stop is not starved. Returns the
   * services still writing.
   */
  public List<String> stopWithin(Duration limit, Consumer<String> progress) {
    long start = System.nanoTime();
    services.values().forEach(ServiceProcess::requestStop);
    long deadline = start + limit.toNanos();
    List<String> archiving = new ArrayList<>();
    while (true) {
      for (ServiceProcess service : services.values()) {
        if (service.handle().isAlive()
            && !archiving.contains(service.name())
            && service.applicationStopped()) {
          archiving.add(service.name());
          service.yieldCpu();
        }
      }
      if (System.nanoTime() >= deadline
          || services.values().stream().allMatch(ServiceProcess::applicationStopped)) {
        break;
      }
      pause();
    }
    List<ServiceProcess> stuck =
        services.values().stream().filter(s -> !s.applicationStopped()).toList();
    stuck.forEach(ServiceProcess::killWithoutWaiting);
    stuck.forEach(ServiceProcess::awaitExit);
    archiving.removeIf(name -> !services.get(name).handle().isAlive());
    progress.accept(String.format(Locale.ROOT, "  services stopped in %.1f s", seconds(start)));
    issuers.close();
    long infra = System.nanoTime();
    infrastructure.close();
    progress.accept(
        String.format(Locale.ROOT, "  Kafka and PostgreSQL stopped in %.1f s", seconds(infra)));
    return archiving;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops every service (asked all at once, each killed if it has not stopped in time), then the
   * infrastructure.
   */
  @Override
  public void close() {
    services.values().forEach(ServiceProcess::requestStop);
    services.values().forEach(ServiceProcess::close);
    issuers.close();
    infrastructure.close();
  }

  /**
   * Waits until a service is ready before the next one starts: on a small machine six JVMs starting
   * at once take longer in total than one after the other, and each starts in seconds.
   */
  private static void ready(
      Options options, Map<String, ServiceProcess> started, String name, ServiceProcess process) {
    started.put(name, process);
    long start = System.nanoTime();
    process.awaitReady(READY_TIMEOUT);
    options
        .progress()
        .accept(
            String.format(
                Locale.ROOT,
                "  %-12s ready in %4.1f s  %s",
                name,
                (System.nanoTime() - start) / 1e9,
                process.url()));
  }

  /** The module's uber-jar: the parent POM names it after the artifactId, which is the module's. */
  /** The module's runnable jar: the uber-jar, or the fast-jar of -Pimages if built since. */
  private static Path jar(Options options, String module) {
    Path target = options.root().resolve(module).resolve("target").toAbsolutePath();
    Path uberJar = target.resolve(module + "-runner.jar");
    Path fastJar = target.resolve("quarkus-app/quarkus-run.jar");
    try {
      boolean fastJarNewer =
          Files.exists(fastJar)
              && (!Files.exists(uberJar)
                  || Files.getLastModifiedTime(fastJar)
                          .compareTo(Files.getLastModifiedTime(uberJar))
                      > 0);
      return fastJarNewer ? fastJar : uberJar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(Options options, int fixed) {
    return options.fixedPorts() ? fixed : FreePorts.pick();
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The federation-wide person-reference secret: random, made once, kept with the keys. */
  private static String personKey(Path keys) {
    Path file = keys.resolve("person-reference.key");
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(keys);
        Files.writeString(file, HexFormat.of().formatHex(secret));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
