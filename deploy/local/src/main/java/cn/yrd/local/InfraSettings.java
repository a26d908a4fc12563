package cn.yrd.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything that picks and shapes the infrastructure. Each value is read from a system property
 * first, then from the environment variable named beside it.
 *
 * @param mode {@code yrd.infra} / {@code YRD_INFRA}
 * @param dataDir {@code yrd.infra.data-dir} / {@code YRD_DATA_DIR}: embedded Kafka and PostgreSQL
 *     keep their files here
 * @param kafkaPort {@code yrd.infra.kafka-port} / {@code YRD_KAFKA_PORT}; 0 picks a free port
 * @param postgresPort {@code yrd.infra.postgres-port} / {@code YRD_POSTGRES_PORT}; 0 picks a free
 *     port
 * @param wipe {@code yrd.infra.wipe} / {@code YRD_WIPE}: delete the data folder before starting
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}, for {@code external}
 * @param jdbcUrl {@code YRD_JDBC_URL}, for {@code external}: a database on the server used to
 *     create each service's own database
 * @param jdbcUser {@code YRD_JDBC_USER}, for {@code external}
 * @param jdbcPassword {@code YRD_JDBC_PASSWORD}, for {@code external}
 */
public record InfraSettings(
    InfraMode mode,
    Path dataDir,
    int kafkaPort,
    int postgresPort,
    boolean wipe,
    String kafkaBootstrapServers,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword) {

  /** Settings for the local launcher: fixed ports, data kept between runs. */
  public static InfraSettings forLauncher() {
    return read(System.getenv(), Path.of(".yrd", "data"), 19092, 15432, false);
  }

  /** Settings for a test JVM: free ports, a fresh data folder under {@code target/}. */
  public static InfraSettings forTests() {
    return read(System.getenv(), Path.of("target", "infra"), 0, 0, true);
  }

  static InfraSettings read(
      Map<String, String> env, Path defaultDir, int kafkaPort, int postgresPort, boolean wipe) {
    Function<String[], String> get =
        names -> {
          String fromProperty = System.getProperty(names[0]);
          return fromProperty != null ? fromProperty : env.get(names[1]);
        };
    String dir = get.apply(new String[] {"yrd.infra.data-dir", "YRD_DATA_DIR"});
    String kafka = get.apply(new String[] {"yrd.infra.kafka-port", "YRD_KAFKA_PORT"});
    String postgres = get.apply(new String[] {"yrd.infra.postgres-port", "YRD_POSTGRES_PORT"});
    String wipeValue = get.apply(new String[] {"yrd.infra.wipe", "YRD_WIPE"});
    return new InfraSettings(
        InfraMode.parse(get.apply(new String[] {"yrd.infra", "YRD_INFRA"})),
        dir == null ? defaultDir.toAbsolutePath() : Path.of(dir).toAbsolutePath(),
        kafka == null ? kafkaPort : Integer.parseInt(kafka),
        postgres == null ? postgresPort : Integer.parseInt(postgres),
        wipeValue == null ? wipe : Boolean.parseBoolean(wipeValue),
        env.get("KAFKA_BOOTSTRAP_SERVERS"),
        env.get("YRD_JDBC_URL"),
        env.getOrDefault("YRD_JDBC_USER", "postgres"),
        env.getOrDefault("YRD_JDBC_PASSWORD", ""));
  }

  public InfraSettings withWipe(boolean newWipe) {
    return new InfraSettings(
        mode,
        dataDir,
        kafkaPort,
        postgresPort,
        newWipe,
        kafkaBootstrapServers,
        jdbcUrl,
        jdbcUser,
        jdbcPassword);
  }
}
