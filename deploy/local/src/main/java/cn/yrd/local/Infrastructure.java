package cn.yrd.local;

/** A running Kafka broker and PostgreSQL server, whichever mode provided them. */
public interface Infrastructure extends AutoCloseable {

  String kafkaBootstrapServers();

  PostgresServer postgres();

  /** Stops what this process started; leaves external servers alone. */
  @Override
  void close();

  /** Starts (or connects to) the infrastructure the settings name and waits until it is ready. */
  static Infrastructure start(InfraSettings settings) {
    Infrastructure infrastructure =
        switch (settings.mode()) {
          case EMBEDDED -> EmbeddedInfrastructure.start(settings);
          case EXTERNAL -> ExternalInfrastructure.connect(settings);
          case CONTAINERS -> ContainerInfrastructure.start();
        };
    Readiness.awaitKafka(infrastructure.kafkaBootstrapServers());
    Readiness.awaitPostgres(infrastructure.postgres());
    return infrastructure;
  }
}
