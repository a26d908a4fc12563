package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Kafka and PostgreSQL in this JVM, their data under {@code settings.dataDir()}. */
final class EmbeddedInfrastructure implements Infrastructure {
  private final EmbeddedKafka kafka;
  private final EmbeddedPostgresServer postgres;

  private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgresServer postgres) {
    this.kafka = kafka;
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
    try {
      return new EmbeddedInfrastructure(
          EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort), postgres);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public PostgresServer postgres() {
    return postgres.server();
  }

  @Override
  public void close() {
    try {
      kafka.close();
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
