package cn.yrd.recognition.service.view;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.repository.OrgRecord;
import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
  private static final String SNAPSHOT_COLUMNS =
      "uscc, province, name, normalized_name, category, status, person_ref, grade_level,"
          + " grade_expires_on, abnormal_listed, serious_listed, revocation_date,"
          + " transferred_from, transferred_to";

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

  private static final String RECORD_COLUMNS =
      "uscc, province, name, normalized_name, category, status, person_ref, legal_rep_name,"
          + " grade_level, grade_awarded_on, grade_expires_on, abnormal_listed, serious_listed,"
          + " revocation_date, deregistration_date, transferred_from, transferred_to, version,"
          + " sequence, last_event_type, updated_at";

  private ViewReads() {}

  /** Every record whose {@code column} is one of {@code values}. */
  public static List<OrgSnapshot> snapshots(ScopeColumn column, Collection<String> values) {
    return select(
        "SELECT " + SNAPSHOT_COLUMNS + " FROM org_record WHERE " + column.column + " = ANY (?)",
        (connection, query) -> query.setArray(1, array(connection, column.sqlType, values)),
        ViewReads::snapshot,
        new ArrayList<>());
  }

  /**
   * Every record of these organizations, for the consumer to change: every column but the state,
   * which the consumer only ever writes.
   */
  static List<OrgRecord> records(Collection<String> usccs) {
    return select(
        "SELECT " + RECORD_COLUMNS + " FROM org_record WHERE uscc = ANY (?)",
        (connection, query) -> query.setArray(1, array(connection, "bpchar", usccs)),
        ViewReads::record,
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
        new java.util.LinkedHashSet<>());
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

  private static OrgSnapshot snapshot(ResultSet r) throws SQLException {
    short level = r.getShort(8);
    Integer grade = r.wasNull() ? null : (int) level;
    String from = r.getString(13);
    String to = r.getString(14);
    return new OrgSnapshot(
        r.getString(1),
        Province.valueOf(r.getString(2)),
        r.getString(3),
        r.getString(4),
        OrgCategory.valueOf(r.getString(5)),
        OrgStatus.valueOf(r.getString(6)),
        r.getString(7),
        grade,
        r.getObject(9, LocalDate.class),
        r.getBoolean(10),
        r.getBoolean(11),
        r.getObject(12, LocalDate.class),
        from == null ? null : Province.valueOf(from),
        to == null ? null : Province.valueOf(to));
  }

  private static OrgRecord record(ResultSet r) throws SQLException {
    OrgRecord record = new OrgRecord();
    record.uscc = r.getString(1);
    record.province = r.getString(2);
    record.name = r.getString(3);
    record.normalizedName = r.getString(4);
    record.category = r.getString(5);
    record.status = r.getString(6);
    record.personRef = r.getString(7);
    record.legalRepName = r.getString(8);
    short level = r.getShort(9);
    record.gradeLevel = r.wasNull() ? null : level;
    record.gradeAwardedOn = r.getObject(10, LocalDate.class);
    record.gradeExpiresOn = r.getObject(11, LocalDate.class);
    record.abnormalListed = r.getBoolean(12);
    record.seriousListed = r.getBoolean(13);
    record.revocationDate = r.getObject(14, LocalDate.class);
    record.deregistrationDate = r.getObject(15, LocalDate.class);
    record.transferredFrom = r.getString(16);
    record.transferredTo = r.getString(17);
    record.version = r.getLong(18);
    record.sequence = r.getLong(19);
    record.lastEventType = r.getString(20);
    record.updatedAt = r.getObject(21, OffsetDateTime.class);
    return record;
  }

  private static Array array(Connection connection, String type, Collection<String> values)
      throws SQLException {
    return connection.createArrayOf(type, values.toArray());
  }
}
