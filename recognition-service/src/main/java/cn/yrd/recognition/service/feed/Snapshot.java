package cn.yrd.recognition.service.feed;

import cn.yrd.contracts.Province;
import cn.yrd.support.time.BusinessTime;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * 快照: the consolidated view as NDJSON, read in one repeatable-read transaction. Its first line is
 * the feed position it was taken at; every record follows, in the form of an ORGANIZATION entry's
 * data. Applying the feed after that position (a record only when its version is newer, as the view
 * does) then gives the view as it stands.
 */
public final class Snapshot implements StreamingOutput {
  private static final int FETCH = 1_000;

  private final AgroalDataSource dataSource;
  private final Province province;

  public Snapshot(AgroalDataSource dataSource, Province province) {
    this.dataSource = dataSource;
    this.province = province;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        stream(c, out);
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new IOException("the snapshot could not be read: " + e.getMessage(), e);
    }
  }

  private void stream(Connection c, OutputStream out) throws SQLException, IOException {
    long position;
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce((SELECT max(position) FROM feed_entry), pruned_through)"
                    + " FROM feed_horizon");
        ResultSet r = s.executeQuery()) {
      r.next();
      position = r.getLong(1);
    }
    line(out, FeedLines.snapshotHeader(position, BusinessTime.now()));
    String sql =
        "SELECT uscc, province, version, sequence, last_event_type, updated_at, state"
            + " FROM org_record"
            + (province == null ? "" : " WHERE province = ?")
            + " ORDER BY uscc, province";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setFetchSize(FETCH);
      if (province != null) {
        s.setString(1, province.name());
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          line(
              out,
              FeedLines.record(
                  r.getString(1),
                  r.getString(2),
                  r.getLong(3),
                  r.getLong(4),
                  r.getString(5),
                  r.getObject(6, OffsetDateTime.class),
                  r.getString(7)));
        }
      }
    }
    out.flush();
  }

  private static void line(OutputStream out, String json) throws IOException {
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
