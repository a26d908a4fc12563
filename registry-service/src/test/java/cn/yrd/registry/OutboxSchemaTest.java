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
 * The outbox as service-support's migration (db/outbox) creates it beside the registry's own
 * tables: the relay sees every row it has still to send, payloads stay as written, and numbers and
 * event ids stay unique.
 */
class OutboxSchemaTest {
  private static final String DATABASE = "registry_outbox_schema";

  @Test
  void showsTheRelayEveryRowFromTheFirstUnacknowledgedNumberOn() throws SQLException {
    PostgresServer postgres = freshDatabase();
    try (Connection connection = postgres.connect(DATABASE);
        Statement statement = connection.createStatement()) {
      // 1–5 numbered, of which the broker acknowledged 1–3; position 6 not yet numbered.
      statement.execute(
          "INSERT INTO outbox_event"
              + " (event_id, topic, event_type, subject, payload, occurred_at, sequence)"
              + " SELECT gen_random_uuid(), 't', 'e', 's', '{}', now(),"
              + " CASE WHEN n = 6 THEN NULL ELSE n END FROM generate_series(1, 6) AS n");
      statement.execute("UPDATE outbox_progress SET published_through = 3");

      assertThat(
              column(
                  statement,
                  "SELECT position FROM outbox_unpublished ORDER BY position",
                  Long.class))
          .containsExactly(4L, 5L, 6L);
    }
  }

  @Test
  void keepsPayloadsExactlyAsWritten() throws SQLException {
    PostgresServer postgres = freshDatabase();
    try (Connection connection = postgres.connect(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute(insertUnpublished("{\"name\":\"江苏\",  \"n\":2}"));

      assertThat(column(statement, "SELECT payload FROM outbox_unpublished", String.class))
          .containsExactly("{\"name\":\"江苏\",  \"n\":2}");
    }
  }

  @Test
  void stillRefusesASecondRowWithTheSameNumberOrEventId() throws SQLException {
    PostgresServer postgres = freshDatabase();
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

  /** An empty database for this test, migrated as the registry migrates its own. */
  private static PostgresServer freshDatabase() throws SQLException {
    PostgresServer postgres = SharedInfrastructure.postgres();
    try (Connection admin = postgres.connect(postgres.adminDatabase());
        Statement drop = admin.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
    postgres.ensureDatabase(DATABASE);
    Flyway.configure()
        .dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
        .locations("classpath:db/outbox", "classpath:db/migration")
        .load()
        .migrate();
    return postgres;
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
