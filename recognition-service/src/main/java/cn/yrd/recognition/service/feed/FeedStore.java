package cn.yrd.recognition.service.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the numbered feed with plain JDBC, each read its own short transaction: a subscriber holds
 * no connection while it waits.
 */
@ApplicationScoped
public class FeedStore {
  @Inject AgroalDataSource dataSource;

  /** Where the feed stands: what has been pruned, and the newest position. */
  public record Bounds(long prunedThrough, long newest) {}

  public Bounds bounds() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT pruned_through, coalesce((SELECT max(position) FROM feed_entry),"
                    + " pruned_through) FROM feed_horizon");
        ResultSet r = s.executeQuery()) {
      r.next();
      return new Bounds(r.getLong(1), r.getLong(2));
    }
  }

  /**
   * Up to {@code limit} entries that pass the filter, after {@code after} and up to {@code upTo}.
   */
  List<FeedRow> read(long after, long upTo, FeedFilter filter, int limit) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT position, id, kind, event_type, uscc, provinces, payload, recorded_at"
                + " FROM feed_entry WHERE position > ? AND position <= ?");
    if (filter.province() != null) {
      sql.append(" AND strpos(provinces, ?) > 0");
    }
    if (filter.kind() != null) {
      sql.append(" AND kind = ?");
    }
    if (filter.type() != null) {
      sql.append(" AND event_type = ?");
    }
    sql.append(" ORDER BY position LIMIT ?");
    List<FeedRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      int i = 1;
      s.setLong(i++, after);
      s.setLong(i++, upTo);
      if (filter.province() != null) {
        s.setString(i++, filter.province().name());
      }
      if (filter.kind() != null) {
        s.setString(i++, filter.kind().name());
      }
      if (filter.type() != null) {
        s.setString(i++, filter.type());
      }
      s.setInt(i, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new FeedRow(
                  r.getLong(1),
                  r.getObject(2, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getObject(8, OffsetDateTime.class)));
        }
      }
    }
    return rows;
  }
}
