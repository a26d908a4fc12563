package cn.yrd.local.testing;

import cn.yrd.local.EmbeddedInfrastructure;
import cn.yrd.local.InfraSettings;
import cn.yrd.local.Infrastructure;
import cn.yrd.local.PostgresServer;

/**
 * The one infrastructure of a test JVM. It is started on first use and stopped when the JVM exits;
 * its coordinates are kept in system properties so that a class loaded again by another class
 * loader (Quarkus restarts) finds the running servers instead of starting new ones.
 */
public final class SharedInfrastructure {
  private static final String KAFKA = "yrd.test.kafka-bootstrap-servers";
  private static final String POSTGRES_HOST = "yrd.test.postgres-host-and-port";
  private static final String POSTGRES_USER = "yrd.test.postgres-user";
  private static final String POSTGRES_PASSWORD = "yrd.test.postgres-password";
  private static EmbeddedInfrastructure embedded;

  private SharedInfrastructure() {}

  public static synchronized String kafkaBootstrapServers() {
    ensureStarted();
    return System.getProperty(KAFKA);
  }

  public static synchronized PostgresServer postgres() {
    ensureStarted();
    return new PostgresServer(
        System.getProperty(POSTGRES_HOST),
        "postgres",
        System.getProperty(POSTGRES_USER),
        System.getProperty(POSTGRES_PASSWORD));
  }

  private static void ensureStarted() {
    synchronized (System.class) {
      if (System.getProperty(KAFKA) != null) {
        return;
      }
      Infrastructure infrastructure = Infrastructure.start(InfraSettings.forTests());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(infrastructure::close, "yrd-test-infra-shutdown"));
      PostgresServer postgres = infrastructure.postgres();
      System.setProperty(KAFKA, infrastructure.kafkaBootstrapServers());
      System.setProperty(POSTGRES_HOST, postgres.hostAndPort());
      System.setProperty(POSTGRES_USER, postgres.user());
      System.setProperty(POSTGRES_PASSWORD, postgres.password());
      if (infrastructure instanceof EmbeddedInfrastructure started) {
        embedded = started;
      }
    }
  }

  /** Simulates a broker outage: stops the embedded broker, keeping its data and port. */
  public static void stopKafka() {
    embedded().stopKafka();
  }

  /** Ends the outage: the broker comes back on the same port with the same data. */
  public static void startKafka() {
    embedded().startKafka();
  }

  private static EmbeddedInfrastructure embedded() {
    if (embedded == null) {
      throw new IllegalStateException(
          "the broker can be stopped only in embedded mode, from the class loader that started it");
    }
    return embedded;
  }
}
