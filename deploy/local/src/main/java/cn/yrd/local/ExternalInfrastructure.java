package cn.yrd.local;

/** Servers someone else runs: {@code KAFKA_BOOTSTRAP_SERVERS} and {@code YRD_JDBC_URL}. */
record ExternalInfrastructure(String kafkaBootstrapServers, PostgresServer postgres)
    implements Infrastructure {

  static ExternalInfrastructure connect(InfraSettings settings) {
    if (settings.kafkaBootstrapServers() == null || settings.jdbcUrl() == null) {
      throw new IllegalArgumentException(
          "YRD_INFRA=external needs KAFKA_BOOTSTRAP_SERVERS and YRD_JDBC_URL");
    }
    return new ExternalInfrastructure(
        settings.kafkaBootstrapServers(),
        PostgresServer.fromJdbcUrl(
            settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword()));
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
