package cn.yrd.local;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers' {@code postgres} and {@code apache/kafka} images; needs a Docker engine. */
final class ContainerInfrastructure implements Infrastructure {
  static final String POSTGRES_IMAGE = "postgres:17-alpine";
  static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static ContainerInfrastructure start() {
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(POSTGRES_IMAGE)
            .withCommand("postgres", "-c", "max_connections=300", "-c", "shared_buffers=1GB");
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    postgres.start();
    kafka.start();
    return new ContainerInfrastructure(postgres, kafka);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public PostgresServer postgres() {
    return PostgresServer.fromJdbcUrl(
        postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
  }

  @Override
  public void close() {
    kafka.stop();
    postgres.stop();
  }
}
