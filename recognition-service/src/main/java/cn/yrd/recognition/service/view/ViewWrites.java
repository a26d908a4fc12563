package cn.yrd.recognition.service.view;

import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The consumer's writes, as JDBC batches on the transaction's own connection, so the reads that
 * follow in the same transaction ({@link ViewReads}) see them. Through Hibernate each record and
 * each processed-event row was an entity the session tracked and flushed one by one: more than a
 * quarter of the consumer threads' CPU while the registries were under load.
 */
public final class ViewWrites {
  /** Every column but the key, in the order {@link #bindRecord} binds them. */
  private static final List<String> RECORD_COLUMNS =
      List.of(
          "name",
          "normalized_name",
          "category",
          "status",
          "person_ref",
          "legal_rep_name",
          "grade_level",
          "grade_awarded_on",
          "grade_expires_on",
          "abnormal_listed",
          "serious_listed",
          "revocation_date",
          "deregistration_date",
          "transferred_from",
          "transferred_to",
          "version",
          "sequence",
          "last_event_type",
          "state",
          "updated_at");

  private static final String INSERT_RECORD =
      "INSERT INTO org_record ("
          + String.join(", ", RECORD_COLUMNS)
          + ", uscc, province) VALUES ("
          + String.join(",", Collections.nCopies(RECORD_COLUMNS.size() + 2, "?"))
          + ")";

  // Only ever forward: a concurrent consumer may have stored a newer version of the same record.
  private static final String UPDATE_RECORD =
      "UPDATE org_record SET "
          + String.join(", ", RECORD_COLUMNS.stream().map(c -> c + " = ?").toList())
          + " WHERE uscc = ? AND province = ? AND version < ?";

  private static final String INSERT_PROCESSED =
      "INSERT INTO processed_event (event_id, topic, kafka_partition, kafka_offset, processed_at)"
          + " VALUES (?,?,?,?,?)";

  private ViewWrites() {}

  static void insertRecords(Collection<OrgRecord> records) {
    batch(INSERT_RECORD, records, (statement, r) -> bindRecord(statement, r, false));
  }

  static void updateRecords(Collection<OrgRecord> records) {
    batch(UPDATE_RECORD, records, (statement, r) -> bindRecord(statement, r, true));
  }

  public static void insertProcessed(Collection<ProcessedEvent> events) {
    batch(
        INSERT_PROCESSED,
        events,
        (statement, e) -> {
          statement.setObject(1, e.eventId);
          statement.setString(2, e.topic);
          statement.setInt(3, e.partition);
          statement.setLong(4, e.offset);
          statement.setObject(5, e.processedAt);
        });
  }

  /** Binds every column, then the key, then for an update the version it must be older than. */
  private static void bindRecord(PreparedStatement statement, OrgRecord r, boolean update)
      throws SQLException {
    // A null goes as a value of no stated type, which PostgreSQL takes from the column.
    Object[] values = {
      r.name,
      r.normalizedName,
      r.category,
      r.status,
      r.personRef,
      r.legalRepName,
      r.gradeLevel,
      r.gradeAwardedOn,
      r.gradeExpiresOn,
      r.abnormalListed,
      r.seriousListed,
      r.revocationDate,
      r.deregistrationDate,
      r.transferredFrom,
      r.transferredTo,
      r.version,
      r.sequence,
      r.lastEventType,
      r.state,
      r.updatedAt,
      r.uscc,
      r.province
    };
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    if (update) {
      statement.setLong(values.length + 1, r.version);
    }
  }

  private interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private static <T> void batch(String sql, Collection<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    Panache.getSession()
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                  binder.bind(statement, row);
                  statement.addBatch();
                }
                statement.executeBatch();
              }
            });
  }
}
