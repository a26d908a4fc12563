package cn.yrd.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.local.testing.KafkaRoundTrip;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

  @Test
  void keepsKafkaAndPostgresDataDurablyAcrossARestartAndReleasesItsPorts() throws Exception {
    int kafkaPort = portWithFreeNeighbour();
    InfraSettings settings =
        new InfraSettings(
            InfraMode.EMBEDDED,
            Path.of("target", "infra-restart").toAbsolutePath(),
            kafkaPort,
            FreePorts.pick(),
            true,
            null,
            null,
            null,
            null);

    try (Infrastructure first = Infrastructure.start(settings)) {
      first.postgres().ensureDatabase("registry_sh");
      try (Connection db = first.postgres().connect("registry_sh")) {
        db.createStatement().execute("CREATE TABLE org (name text)");
        db.createStatement().execute("INSERT INTO org VALUES ('上海市软件行业协会')");
        assertThat(setting(db, "fsync")).as("data files are synced").isEqualTo("on");
        assertThat(setting(db, "synchronous_commit"))
            .as("a commit returns once its WAL is on disk")
            .isEqualTo("on");
        assertThat(setting(db, "shared_buffers"))
            .as("room in memory for every service's working set")
            .isEqualTo("1GB");
      }
      ConsumerRecord<String, String> echoed =
          KafkaRoundTrip.roundTrip(
              first.kafkaBootstrapServers(), "restart-probe", "53100000500021676K", "{\"a\":1}");
      assertThat(echoed.key()).isEqualTo("53100000500021676K");
      assertThat(echoed.value()).isEqualTo("{\"a\":1}");
    }
    assertThat(portIsFree(kafkaPort)).as("broker port released").isTrue();
    assertThat(portIsFree(settings.postgresPort())).as("PostgreSQL port released").isTrue();

    try (Infrastructure second = Infrastructure.start(settings.withWipe(false))) {
      try (Connection db = second.postgres().connect("registry_sh");
          ResultSet rows = db.createStatement().executeQuery("SELECT name FROM org")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("上海市软件行业协会");
      }
      // The same key, so the same one of the topic's partitions.
      assertThat(
              KafkaRoundTrip.roundTrip(
                      second.kafkaBootstrapServers(),
                      "restart-probe",
                      "53100000500021676K",
                      "after restart")
                  .offset())
          .as("the topic kept the first record, so the second lands after it")
          .isEqualTo(1);
    }
  }

  @Test
  void externalModeNeedsBothAddresses() {
    InfraSettings settings =
        new InfraSettings(
            InfraMode.EXTERNAL, Path.of("target"), 0, 0, false, "127.0.0.1:1", null, null, null);
    assertThatThrownBy(() -> Infrastructure.start(settings)).hasMessageContaining("YRD_JDBC_URL");
  }

  @Test
  void readsTheInfrastructureModeCaseInsensitively() {
    assertThat(InfraMode.parse(null)).isEqualTo(InfraMode.EMBEDDED);
    assertThat(InfraMode.parse("External")).isEqualTo(InfraMode.EXTERNAL);
    assertThatThrownBy(() -> InfraMode.parse("docker")).hasMessageContaining("docker");
  }

  @Test
  void parsesAJdbcUrlIntoAServer() {
    PostgresServer server =
        PostgresServer.fromJdbcUrl("jdbc:postgresql://db.example:5432/postgres?ssl=true", "u", "p");
    assertThat(server.hostAndPort()).isEqualTo("db.example:5432");
    assertThat(server.adminDatabase()).isEqualTo("postgres");
    assertThat(server.jdbcUrl("audit")).isEqualTo("jdbc:postgresql://db.example:5432/audit");
  }

  private static String setting(Connection db, String name) throws Exception {
    try (ResultSet row = db.createStatement().executeQuery("SHOW " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  private static int portWithFreeNeighbour() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port = FreePorts.pick();
      if (port < 65535 && portIsFree(port + 1)) {
        return port;
      }
    }
    throw new IllegalStateException("no two adjacent free ports");
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
