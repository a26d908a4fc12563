package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.nio.file.Path;
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
    Federation federation =
        Federation.start(
            new Federation.Options(root, root.resolve(".yrd"), infra, true)
                // Both answers of the check before registering: Anhui refuses, the others warn.
                .refusingHighConflictsIn(Province.AH));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the federation …");
                  federation.close();
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
