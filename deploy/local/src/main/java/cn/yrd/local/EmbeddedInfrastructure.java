package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Kafka and PostgreSQL in this JVM, their data under {@code settings.dataDir()}. */
public final class EmbeddedInfrastructure implements Infrastructure {
  private final Path kafkaDir;
  private final int kafkaPort;
  private final int controllerPort;
  private final EmbeddedPostgresServer postgres;
  private EmbeddedKafka kafka;

  private EmbeddedInfrastructure(
      Path kafkaDir, int kafkaPort, int controllerPort, EmbeddedPostgresServer postgres) {
    this.kafkaDir = kafkaDir;
    this.kafkaPort = kafkaPort;
    this.controllerPort = controllerPort;
    this.postgres = postgres;
  }

  static EmbeddedInfrastructure start(InfraSettings settings) {
    Path dir = settings.dataDir();
    if (settings.wipe()) {
      deleteRecursively(dir.resolve("kafka"));
      deleteRecursively(dir.resolve("postgres"));
    }
    int kafkaPort = FreePorts.orPick(settings.kafkaPort());
    // A formatted KRaft log remembers its controller endpoint, so a fixed broker port fixes it too.
    int controllerPort = settings.kafkaPort() == 0 ? FreePorts.pick() : kafkaPort + 1;
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(
            dir.resolve("postgres"),
            dir.resolve("postgres-binaries"),
            FreePorts.orPick(settings.postgresPort()));
    EmbeddedInfrastructure infrastructure =
        new EmbeddedInfrastructure(dir.resolve("kafka"), kafkaPort, controllerPort, postgres);
    try {
      infrastructure.startKafka();
      return infrastructure;
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  @Override
  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** Stops the broker only, as an outage would; its data and port stay reserved for a restart. */
  public synchronized void stopKafka() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  /** Starts the broker again on the same port with the same data. */
  public synchronized void startKafka() {
    if (kafka == null) {
      kafka = EmbeddedKafka.start(kafkaDir, kafkaPort, controllerPort);
    }
  }

  @Override
  public PostgresServer postgres() {
    return postgres.server();
  }

  @Override
  public void close() {
    try {
      stopKafka();
    } finally {
      postgres.close();
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
