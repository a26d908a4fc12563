package cn.yrd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.local.PostgresServer;
import cn.yrd.local.testing.SharedInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A registry's outbox loses nothing through the upgrades of its schema, and its numbers and event
 * ids stay unique.
 */
class OutboxUpgradeTest {
  private static final String DATABASE = "registry_outbox_upgrade";

  @Test
  void keepsEveryRowFromTheFirstUnacknowledgedNumberOnUnpublished() throws SQLException {
    PostgresServer postgres = freshDatabaseAt("2");
    try (Connection connection = postgres.connect(DATABASE);
        Statement statement = connection.createStatement()) {
      // 1–3 and 5 acknowledged, 4 numbered but not acknowledged, position 6 not yet numbered.
      statement.execute(
          "INSERT INTO outbox_event"
              + " (event_id, topic, event_type, subject, payload, occurred_at, sequence,"
              + " published_at)"
              + " SELECT gen_random_uuid(), 't', 'e', 's', '{}', now(), n,"
              + " CASE WHEN n IN (4, 6) THEN NULL ELSE now() END"
              + " FROM generate_series(1, 6) AS n");
      statement.execute("UPDATE outbox_event SET sequence = NULL WHERE sequence = 6");

      flyway(postgres, "latest").migrate();

      assertThat(single(statement, "SELECT published_through FROM outbox_progress")).isEqualTo(3);
      assertThat(
              column(
                  statement,
                  "SELECT position FROM outbox_unpublished ORDER BY position",
                  Long.class))
          .containsExactly(4L, 5L, 6L);
    }
  }

  @Test
  void keepsPayloadsThroughTheUpgradeAndNewOnesExactlyAsWritten() throws SQLException {
    PostgresServer postgres = freshDatabaseAt("3");
    try (Connection connection = postgres.connect(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute(insertUnpublished("{\"name\": \"上海\", \"n\": 1}"));

      flyway(postgres, "latest").migrate();
      // jsonb printed the old row with its keys reordered; a new row keeps the writer's bytes.
      statement.execute(insertUnpublished("{\"name\":\"江苏\",\"n\":2}"));

      assertThat(
              column(
                  statement,
                  "SELECT payload FROM outbox_unpublished ORDER BY position",
                  String.class))
          .containsExactly("{\"n\": 1, \"name\": \"上海\"}", "{\"name\":\"江苏\",\"n\":2}");
    }
  }

  @Test
  void stillRefusesASecondRowWithTheSameNumberOrEventId() throws SQLException {
    PostgresServer postgres = freshDatabaseAt("latest");
    try (Connection connection = postgres.connect(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute(insertUnpublished("{}"));
      statement.execute(insertUnpublished("{}"));
      statement.execute("UPDATE outbox_event SET sequence = 1 WHERE position = 1");

      assertThatThrownBy(
              () -> statement.execute("UPDATE outbox_event SET sequence = 1 WHERE position = 2"))
          .hasMessageContaining("outbox_event_sequence");
      // The outbox's own index on event ids is gone; the history entry every change writes with
      // its event keeps them unique.
      String uscc = Fixtures.newUscc(OrgCategory.SOCIAL_GROUP);
      statement.execute(
          "INSERT INTO organization (uscc, name, normalized_name, category, legal_rep_name,"
              + " legal_rep_id_number,"
              + " legal_rep_person_ref, domicile, business_scope, registered_funds,"
              + " registration_authority, establishment_date, status, version, created_at,"
              + " updated_at) VALUES ('"
              + uscc
              + "', 'n', 'n', 'SOCIAL_GROUP', 'r', 'i', repeat('a', 64), 'd', 'b', 0, 'a',"
              + " current_date, 'ACTIVE', 0, now(), now())");
      String history =
          "INSERT INTO organization_history (uscc, event_id, event_type, effective_date, details,"
              + " actor, recorded_at) SELECT '"
              + uscc
              + "', event_id, 'e', current_date, '{}', 'a', now() FROM outbox_event"
              + " WHERE position = 1";
      statement.execute(history);
      assertThatThrownBy(() -> statement.execute(history))
          .hasMessageContaining("organization_history_event_id_key");
    }
  }

  private static String insertUnpublished(String payload) {
    return "INSERT INTO outbox_event (event_id, topic, event_type, subject, payload, occurred_at)"
        + " VALUES (gen_random_uuid(), 't', 'e', 's', '"
        + payload
        + "', now())";
  }

  /** An empty database for this test, migrated up to {@code version}. */
  private static PostgresServer freshDatabaseAt(String version) throws SQLException {
    PostgresServer postgres = SharedInfrastructure.postgres();
    try (Connection admin = postgres.connect(postgres.adminDatabase());
        Statement drop = admin.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
    postgres.ensureDatabase(DATABASE);
    flyway(postgres, version).migrate();
    return postgres;
  }

  private static Flyway flyway(PostgresServer postgres, String target) {
    return Flyway.configure()
        .dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  private static long single(Statement statement, String sql) throws SQLException {
    List<Long> values = column(statement, sql, Long.class);
    assertThat(values).hasSize(1);
    return values.get(0);
  }

  private static <T> List<T> column(Statement statement, String sql, Class<T> type)
      throws SQLException {
    List<T> values = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getObject(1, type));
      }
    }
    return values;
  }
}
