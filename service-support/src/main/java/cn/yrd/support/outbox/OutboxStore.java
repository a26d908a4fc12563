package cn.yrd.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The relay leader's SQL on the outbox table, on its own connection and transactions. */
final class OutboxStore {
  /** One row to publish, already numbered. */
  record Row(
      long position,
      UUID eventId,
      String topic,
      String eventType,
      String subject,
      String payload,
      OffsetDateTime occurredAt,
      long sequence,
      String traceparent) {}

  private static final String COLUMNS =
      "position, event_id, topic, event_type, subject, payload, occurred_at, sequence, traceparent";

  private final Connection connection;

  OutboxStore(Connection connection) {
    this.connection = connection;
  }

  /**
   * The rows still to publish: first those numbered but not acknowledged (in number order), then
   * the oldest unnumbered rows (in position order), which get the next numbers, committed before
   * this returns, so every send of a row carries the same number.
   */
  List<Row> claim(int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    List<long[]> toNumber = new ArrayList<>();
    long next = 0;
    // The last number given comes with the rows, in the same round trip. Each branch has its own
    // LIMIT (rather than reading outbox_unpublished) so a large backlog is never sorted whole.
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM ((SELECT "
                + COLUMNS
                + " FROM outbox_event"
                + " WHERE sequence > (SELECT published_through FROM outbox_progress)"
                + " ORDER BY sequence LIMIT ?)"
                + " UNION ALL (SELECT "
                + COLUMNS
                + " FROM outbox_event WHERE sequence IS NULL ORDER BY position LIMIT ?)) AS due,"
                + " (SELECT coalesce(max(sequence), 0) FROM outbox_event) AS numbered"
                + " ORDER BY sequence NULLS LAST, position LIMIT ?")) {
      select.setInt(1, limit);
      select.setInt(2, limit);
      select.setInt(3, limit);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          if (rows.isEmpty()) {
            next = result.getLong(10) + 1;
          }
          long sequence = result.getLong(8);
          if (result.wasNull()) {
            sequence = next++;
            toNumber.add(new long[] {result.getLong(1), sequence});
          }
          rows.add(
              new Row(
                  result.getLong(1),
                  result.getObject(2, UUID.class),
                  result.getString(3),
                  result.getString(4),
                  result.getString(5),
                  result.getString(6),
                  result.getObject(7, OffsetDateTime.class),
                  sequence,
                  result.getString(9)));
        }
      }
    }
    if (!toNumber.isEmpty()) {
      // One statement for the whole batch: a row-by-row batch costs the database one update each.
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE outbox_event o SET sequence = n.sequence"
                  + " FROM unnest(?::bigint[], ?::bigint[]) AS n(position, sequence)"
                  + " WHERE o.position = n.position")) {
        update.setArray(1, connection.createArrayOf("bigint", column(toNumber, 0)));
        update.setArray(2, connection.createArrayOf("bigint", column(toNumber, 1)));
        update.executeUpdate();
      }
    }
    connection.commit();
    return rows;
  }

  private static Long[] column(List<long[]> pairs, int index) {
    return pairs.stream().map(pair -> pair[index]).toArray(Long[]::new);
  }

  /** Records that every row numbered up to {@code sequence} has been acknowledged. */
  void markPublishedThrough(long sequence) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE outbox_progress SET published_through = ? WHERE published_through < ?")) {
      update.setLong(1, sequence);
      update.setLong(2, sequence);
      update.executeUpdate();
    }
    connection.commit();
  }

  long countUnpublished() throws SQLException {
    try (PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM outbox_unpublished");
        ResultSet result = count.executeQuery()) {
      result.next();
      long value = result.getLong(1);
      connection.commit();
      return value;
    }
  }
}
