package cn.yrd.recognition.service.view;

import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.ProcessedEvent;
import cn.yrd.support.jdbc.EntityRow;
import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The consumer's writes, as JDBC batches on the transaction's own connection, so the reads that
 * follow in the same transaction ({@link ViewReads}) see them. Through Hibernate each record and
 * each processed-event row was an entity the session tracked and flushed one by one: more than a
 * quarter of the consumer threads' CPU while the registries were under load.
 */
public final class ViewWrites {
  // The entities' own mappings, which the API reads these rows through.
  private static final EntityRow<OrgRecord> RECORD = EntityRow.of(OrgRecord.class);
  private static final EntityRow<OrgRecord> RECORD_VALUES = RECORD.without("uscc", "province");
  private static final EntityRow<OrgRecord> RECORD_KEY = RECORD.only("uscc", "province");
  private static final EntityRow<ProcessedEvent> PROCESSED = EntityRow.of(ProcessedEvent.class);

  // Only ever forward: a concurrent consumer may have stored a newer version of the same record.
  private static final String UPDATE_RECORD =
      RECORD_VALUES.update() + " WHERE uscc = ? AND province = ? AND version < ?";

  private ViewWrites() {}

  static void insertRecords(Collection<OrgRecord> records) {
    batch(RECORD.insert(), records, (statement, r) -> RECORD.bind(statement, 1, r));
  }

  /** Returns the records it updated: not those a concurrent consumer had moved past already. */
  static List<OrgRecord> updateRecords(Collection<OrgRecord> records) {
    int[] counts =
        batch(
            UPDATE_RECORD,
            records,
            (statement, r) -> {
              int next = RECORD_KEY.bind(statement, RECORD_VALUES.bind(statement, 1, r), r);
              statement.setLong(next, r.version);
            });
    List<OrgRecord> updated = new ArrayList<>();
    int i = 0;
    for (OrgRecord r : records) {
      if (counts[i++] != 0) {
        updated.add(r);
      }
    }
    return updated;
  }

  public static void insertProcessed(Collection<ProcessedEvent> events) {
    batch(PROCESSED.insert(), events, (statement, e) -> PROCESSED.bind(statement, 1, e));
  }

  private interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /** Each row's update count, in the order of {@code rows}. */
  private static <T> int[] batch(String sql, Collection<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    return Panache.getSession()
        .doReturningWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                  binder.bind(statement, row);
                  statement.addBatch();
                }
                return statement.executeBatch();
              }
            });
  }
}
