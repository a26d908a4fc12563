package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embedded PostgreSQL, and the Kafka broker in a child JVM that {@link #killKafka} ends with
 * SIGKILL (no controlled shutdown, as a crash) and {@link #startKafka} brings back on the same port
 * with the same data. For the reliability tests.
 */
public final class CrashableInfrastructure implements Infrastructure {
  private final Path kafkaDir;
  private final int kafkaPort;
  private final int controllerPort;
  private final EmbeddedPostgresServer postgres;
  private Process broker;

  private CrashableInfrastructure(
      Path kafkaDir, int kafkaPort, int controllerPort, EmbeddedPostgresServer postgres) {
    this.kafkaDir = kafkaDir;
    this.kafkaPort = kafkaPort;
    this.controllerPort = controllerPort;
    this.postgres = postgres;
  }

  /** Starts both under {@code dataDir}, deleting what an earlier run left there. */
  public static CrashableInfrastructure start(Path dataDir) {
    EmbeddedInfrastructure.deleteRecursively(dataDir.resolve("kafka"));
    EmbeddedInfrastructure.deleteRecursively(dataDir.resolve("postgres"));
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(
            dataDir.resolve("postgres"), dataDir.resolve("postgres-binaries"), FreePorts.pick());
    CrashableInfrastructure infra =
        new CrashableInfrastructure(
            dataDir.resolve("kafka"), FreePorts.pick(), FreePorts.pick(), postgres);
    try {
      infra.startKafka();
      Readiness.awaitPostgres(infra.postgres());
      return infra;
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  @Override
  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  @Override
  public PostgresServer postgres() {
    return postgres.server();
  }

  /** Starts the broker process and waits until it answers. */
  public synchronized void startKafka() {
    if (broker != null && broker.isAlive()) {
      return;
    }
    try {
      Files.createDirectories(kafkaDir);
      String java = ProcessHandle.current().info().command().orElse("java");
      broker =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx512m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      KafkaBrokerMain.class.getName(),
                      kafkaDir.toString(),
                      Integer.toString(kafkaPort),
                      Integer.toString(controllerPort)))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(kafkaDir.resolve("broker.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the broker process", e);
    }
    Readiness.awaitKafka(kafkaBootstrapServers());
  }

  /** kill -9 of the broker. */
  public synchronized void killKafka() {
    if (broker == null) {
      return;
    }
    broker.destroyForcibly();
    try {
      broker.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    broker = null;
  }

  @Override
  public void close() {
    try {
      if (broker != null) {
        broker.destroy();
        try {
          if (!broker.waitFor(20, TimeUnit.SECONDS)) {
            killKafka();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          killKafka();
        }
      }
    } finally {
      postgres.close();
    }
  }
}
