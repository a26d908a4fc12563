package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local federation: {@code deploy/local/run.sh [--wipe] [--demo [COUNT]]}. Starts
 * the embedded infrastructure and all six services, waits for their health checks, prints every URL
 * and a development token per role and province, and stops everything on Ctrl-C.
 */
public final class FederationMain {
  private static final List<String> PROVINCIAL_ROLES =
      List.of(Roles.REGISTRAR, Roles.SUPERVISOR, Roles.RECOGNITION_OFFICER, Roles.READER);

  // What is left of 10 s once the infrastructure (about 2 s) has been stopped too.
  private static final Duration STOP_LIMIT = Duration.ofSeconds(7);

  private FederationMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> options = List.of(args);
    Path root = Path.of(System.getProperty("yrd.root", ".")).toAbsolutePath().normalize();
    InfraSettings infra = InfraSettings.forLauncher();
    if (options.contains("--wipe")) {
      infra = infra.withWipe(true);
    }
    System.out.println(
        "Starting the YRD federation (infrastructure: "
            + infra.mode().name().toLowerCase(Locale.ROOT)
            + ", data: "
            + infra.dataDir()
            + ") …");
    System.out.println(
        ClassDataSharing.describe()
            + "\nStarting Kafka, PostgreSQL and seven services, one after the other …");
    Federation federation =
        Federation.start(
            new Federation.Options(root, root.resolve(".yrd"), infra, true)
                // Both answers of the check before registering: Anhui refuses, the others warn.
                .refusingHighConflictsIn(Province.AH)
                .reportingTo(System.out::println));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(federation);
                  stopped.countDown();
                },
                "yrd-federation-shutdown"));
    print(federation);
    int demo = demoCount(options);
    if (demo > 0) {
      DemoData.load(federation, demo, System.out);
    }
    System.out.println("\nThe federation is running. Ctrl-C stops everything.");
    stopped.await();
  }

  /** Ctrl-C: back at the prompt within 10 s, however long the JVMs take to write archives. */
  private static void stop(Federation federation) {
    long start = System.nanoTime();
    System.out.println("\nStopping the services (all at once), then Kafka and PostgreSQL …");
    List<String> archiving = federation.stopWithin(STOP_LIMIT, System.out::println);
    System.out.printf(
        Locale.ROOT, "The federation stopped in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    if (!archiving.isEmpty()) {
      System.out.println(
          "Still writing their class-data archives for a faster next start, then exiting by"
              + " themselves: "
              + String.join(", ", archiving));
    }
  }

  private static void print(Federation federation) {
    System.out.println(
        "\nOperator console: " + federation.consoleUrl() + "  (sign in with a token below)");
    System.out.println("\nServices (Swagger UI · readiness):");
    federation
        .urls()
        .forEach(
            (name, url) ->
                System.out.printf("  %-12s %s/q/swagger-ui   %s/q/health/ready%n", name, url, url));
    System.out.println(
        "\nDevelopment tokens (valid 12 h; paste into Swagger UI → Authorize, or export and use with curl):");
    for (Province province : Province.values()) {
      for (String role : PROVINCIAL_ROLES) {
        System.out.printf(
            "export TOKEN_%s_%s=%s%n",
            role.toUpperCase(Locale.ROOT).replace('-', '_'),
            province.name(),
            federation.token(role, province));
      }
    }
    System.out.printf("export TOKEN_AUDITOR=%s%n", federation.token(Roles.AUDITOR, null));
  }

  private static int demoCount(List<String> options) {
    int at = options.indexOf("--demo");
    if (at < 0) {
      return 0;
    }
    if (at + 1 < options.size() && options.get(at + 1).matches("\\d+")) {
      return Integer.parseInt(options.get(at + 1));
    }
    return DemoData.DEFAULT_COUNT;
  }
}
