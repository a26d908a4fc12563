package cn.yrd.recognition.service.view;

import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.support.jdbc.EntityRow;
import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The consumer's set-wise reads, in plain SQL on the transaction's own connection (so they see its
 * flushed changes): one statement text whatever the number of keys ({@code = ANY} of an array),
 * only the columns the rules read, and no entities to manage. Through Hibernate each batch
 * translated its queries anew, because the length of an {@code IN} list is part of the query, and
 * loaded every record's full JSON state.
 */
public final class ViewReads {
  // The entity's own mapping, which the writes and the API use too. The consumer only ever
  // writes the state; the rules read only the columns a snapshot holds.
  private static final EntityRow<OrgRecord> RECORD = EntityRow.of(OrgRecord.class).without("state");
  private static final EntityRow<OrgRecord> SNAPSHOT =
      RECORD.only(
          "uscc",
          "province",
          "name",
          "normalized_name",
          "category",
          "status",
          "person_ref",
          "grade_level",
          "grade_expires_on",
          "abnormal_listed",
          "serious_listed",
          "revocation_date",
          "transferred_from",
          "transferred_to");

  /** The column a scope of the rules is keyed by, with the SQL type of its values. */
  public enum ScopeColumn {
    USCC("uscc", "bpchar"),
    NORMALIZED_NAME("normalized_name", "text"),
    PERSON_REF("person_ref", "text");

    final String column;
    final String sqlType;

    ScopeColumn(String column, String sqlType) {
      this.column = column;
      this.sqlType = sqlType;
    }
  }

  private ViewReads() {}

  /** Every record whose {@code column} is one of {@code values}. */
  public static List<OrgSnapshot> snapshots(ScopeColumn column, Collection<String> values) {
    return select(
        "SELECT " + SNAPSHOT.columns() + " FROM org_record WHERE " + column.column + " = ANY (?)",
        (connection, query) -> query.setArray(1, array(connection, column.sqlType, values)),
        row -> OrgSnapshot.of(SNAPSHOT.read(row, new OrgRecord())),
        new ArrayList<>());
  }

  /**
   * Every record of these organizations, for the consumer to change: every column but the state,
   * which the consumer only ever writes.
   */
  static List<OrgRecord> records(Collection<String> usccs) {
    return select(
        "SELECT " + RECORD.columns() + " FROM org_record WHERE uscc = ANY (?)",
        (connection, query) -> query.setArray(1, array(connection, "bpchar", usccs)),
        row -> RECORD.read(row, new OrgRecord()),
        new ArrayList<>());
  }

  /** The codes among these with a recognition in one of these statuses. */
  public static Set<String> usccsWithRecognition(
      Collection<String> usccs, Collection<String> statuses) {
    return select(
        "SELECT DISTINCT uscc FROM recognition WHERE uscc = ANY (?) AND status = ANY (?)",
        (connection, query) -> {
          query.setArray(1, array(connection, "bpchar", usccs));
          query.setArray(2, array(connection, "text", statuses));
        },
        rows -> rows.getString(1),
        new HashSet<>());
  }

  /**
   * The values of {@code column} (uscc or person_ref) of the records whose {@code dateColumn}
   * (grade_expires_on or revocation_date) lies in {@code (after, upTo]}.
   */
  public static Set<String> withDateIn(
      String column, String dateColumn, LocalDate after, LocalDate upTo) {
    return select(
        "SELECT DISTINCT "
            + column
            + " FROM org_record WHERE "
            + dateColumn
            + " > ? AND "
            + dateColumn
            + " <= ?",
        (connection, query) -> {
          query.setObject(1, after);
          query.setObject(2, upTo);
        },
        rows -> rows.getString(1),
        new LinkedHashSet<>());
  }

  /** The event ids among these whose effect is already committed. */
  public static Set<UUID> processed(Collection<UUID> ids) {
    return select(
        "SELECT event_id FROM processed_event WHERE event_id = ANY (?)",
        (connection, query) -> query.setArray(1, connection.createArrayOf("uuid", ids.toArray())),
        rows -> rows.getObject(1, UUID.class),
        new HashSet<>());
  }

  private interface Binder {
    void bind(Connection connection, PreparedStatement query) throws SQLException;
  }

  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Runs one query on the session's connection and adds each row, as read, to {@code into}. */
  private static <T, C extends Collection<T>> C select(
      String sql, Binder binder, RowReader<T> reader, C into) {
    return Panache.getSession()
        .doReturningWork(
            connection -> {
              try (PreparedStatement query = connection.prepareStatement(sql)) {
                binder.bind(connection, query);
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    into.add(reader.read(rows));
                  }
                }
              }
              return into;
            });
  }

  private static Array array(Connection connection, String type, Collection<String> values)
      throws SQLException {
    return connection.createArrayOf(type, values.toArray());
  }
}
