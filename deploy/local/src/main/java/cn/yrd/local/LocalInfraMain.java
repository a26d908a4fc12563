package cn.yrd.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the federation's infrastructure (Kafka, PostgreSQL, and the development identity providers
 * on 8180 with their keys in {@code .yrd/keys}) and keeps it running until Ctrl-C. {@code --wipe}
 * deletes the data folder first.
 */
public final class LocalInfraMain {
  private LocalInfraMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    InfraSettings settings = InfraSettings.forLauncher();
    if (List.of(args).contains("--wipe")) {
      settings = settings.withWipe(true);
    }
    Infrastructure infrastructure = Infrastructure.start(settings);
    ServiceDatabases.all().forEach(infrastructure.postgres()::ensureDatabase);
    DevIssuers issuers = DevIssuers.start(Path.of(".yrd", "keys"), 8180);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  issuers.close();
                  infrastructure.close();
                  stopped.countDown();
                },
                "yrd-infra-shutdown"));

    System.out.println("YRD infrastructure ready (" + settings.mode().name().toLowerCase() + ")");
    System.out.println("  KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafkaBootstrapServers());
    System.out.println("  YRD_JDBC_URL=" + infrastructure.postgres().jdbcUrl("postgres"));
    System.out.println("  YRD_OIDC_URL=" + issuers.url());
    System.out.println("  databases: " + String.join(", ", ServiceDatabases.all()));
    System.out.println("  data: " + settings.dataDir() + "  (Ctrl-C stops)");
    stopped.await();
  }
}
