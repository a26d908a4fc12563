package cn.yrd.audit.service;

import cn.yrd.audit.api.AuditViews;
import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.contracts.Topics;
import cn.yrd.support.jdbc.EntityRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the log: filtered, in leaf order, with a cursor that stays stable as the log grows. */
@ApplicationScoped
public class AuditQueries {
  // The entity's own mapping, which the appender writes through.
  private static final EntityRow<AuditEvent> ROW = EntityRow.of(AuditEvent.class);
  private static final String COLUMNS = ROW.columns();

  @Inject AgroalDataSource dataSource;

  /**
   * Filters; null means any. The code is matched as the events carry it, unparsed: the log keeps
   * what was published, valid or not, and an auditor must be able to find it.
   */
  public record Filter(
      String uscc,
      String province,
      String type,
      OffsetDateTime from,
      OffsetDateTime to,
      String correlation) {}

  public AuditViews.EventPage page(Filter filter, long after, int limit) {
    List<AuditViews.EventView> items = new ArrayList<>();
    scan(filter, after, limit + 1, items::add);
    String next = null;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      next = Cursors.encode(items.get(limit - 1).leafIndex());
    }
    return new AuditViews.EventPage(items, next);
  }

  /** Every matching event, in leaf order, handed over one at a time (for the export). */
  public void each(Filter filter, Consumer<AuditViews.EventView> sink) {
    long after = -1;
    while (true) {
      List<AuditViews.EventView> chunk = new ArrayList<>();
      scan(filter, after, 1000, chunk::add);
      chunk.forEach(sink);
      if (chunk.size() < 1000) {
        return;
      }
      after = chunk.get(chunk.size() - 1).leafIndex();
    }
  }

  public Optional<AuditViews.EventView> byId(UUID eventId) {
    List<AuditViews.EventView> found = new ArrayList<>();
    read(
        "SELECT " + COLUMNS + " FROM audit_event WHERE event_id = ?", List.of(eventId), found::add);
    return found.stream().findFirst();
  }

  /** The latest event of one recognition request (not of a conflict). */
  public Optional<AuditViews.EventView> latestOfRecognition(UUID recognition) {
    List<AuditViews.EventView> found = new ArrayList<>();
    read(
        "SELECT "
            + COLUMNS
            + " FROM audit_event WHERE correlation_id = ? AND topic = ?"
            + " AND event_type NOT LIKE 'cn.yrd.recognition.conflict-%'"
            + " ORDER BY leaf_index DESC LIMIT 1",
        List.of(recognition.toString(), Topics.RECOGNITION),
        found::add);
    return found.stream().findFirst();
  }

  /**
   * The events up to {@code lastLeaf} that a recognition's decision rests on: every event about the
   * organization except other recognitions', and every conflict that names it.
   */
  public List<AuditViews.EventView> ledTo(
      String uscc, String recognition, Set<String> conflictTypes, long lastLeaf) {
    List<AuditViews.EventView> events = new ArrayList<>();
    read(
        "SELECT "
            + COLUMNS
            + " FROM audit_event WHERE leaf_index <= ? AND ((subject = ? AND (topic <> ?"
            + " OR correlation_id = ? OR event_type = ANY (?))) OR (event_type = ANY (?)"
            + " AND strpos(payload, ?) > 0)) ORDER BY leaf_index",
        List.of(
            lastLeaf,
            uscc,
            Topics.RECOGNITION,
            recognition,
            conflictTypes.toArray(String[]::new),
            conflictTypes.toArray(String[]::new),
            "\"" + uscc + "\""),
        events::add);
    return events;
  }

  private void read(String sql, List<Object> params, Consumer<AuditViews.EventView> sink) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object value = params.get(i);
        query.setObject(
            i + 1,
            value instanceof String[] array ? connection.createArrayOf("text", array) : value);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          sink.accept(view(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void scan(Filter f, long after, int limit, Consumer<AuditViews.EventView> sink) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE leaf_index > ?");
    List<Object> params = new ArrayList<>();
    params.add(after);
    condition(sql, params, "subject = ?", f.uscc());
    condition(sql, params, "province = ?", f.province());
    condition(sql, params, "event_type = ?", f.type());
    condition(sql, params, "event_time >= ?", f.from());
    condition(sql, params, "event_time < ?", f.to());
    condition(sql, params, "correlation_id = ?", f.correlation());
    sql.append(" ORDER BY leaf_index LIMIT ?");
    params.add(limit);
    read(sql.toString(), params, sink);
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.add(value);
    }
  }

  private static AuditViews.EventView view(ResultSet row) throws SQLException {
    AuditEvent e = ROW.read(row, new AuditEvent());
    return new AuditViews.EventView(
        e.leafIndex,
        e.eventId,
        e.topic,
        e.partition,
        e.offset,
        e.eventType,
        e.source,
        e.subject,
        e.province,
        e.sequence,
        CanonicalForm.time(e.eventTime == null ? null : e.eventTime.toInstant()),
        e.receivedAt,
        e.correlationId,
        e.payload,
        Base64.getEncoder().encodeToString(e.leafHash));
  }
}
