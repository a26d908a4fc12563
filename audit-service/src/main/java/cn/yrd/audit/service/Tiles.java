package cn.yrd.audit.service;

import cn.yrd.audit.merkle.TilePath;
import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.support.jdbc.EntityRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The log as C2SP tlog-tiles: hash tiles read from the stored complete subtrees, entry bundles
 * rebuilt from the stored events. A tile exists once all its hashes do; it never changes after.
 */
@ApplicationScoped
public class Tiles {
  /** Binary levels per tile level: a tile is a subtree of height 8. */
  private static final int HEIGHT = 8;

  private static final int MAX_ENTRY = 0xFFFF;
  private static final EntityRow<AuditEvent> ROW = EntityRow.of(AuditEvent.class);

  @Inject AgroalDataSource dataSource;

  /**
   * The hashes of tile {@code path} at tile level {@code level}, concatenated; empty until the log
   * holds every one of them.
   */
  public Optional<byte[]> hashes(int level, TilePath path) {
    if (level < 0 || level > 63 || (long) level * HEIGHT > Short.MAX_VALUE) {
      return Optional.empty();
    }
    long first = path.index() * TilePath.FULL;
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.width() * 32);
    int found =
        read(
            "SELECT hash FROM merkle_node WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx",
            query -> {
              query.setShort(1, (short) (level * HEIGHT));
              query.setLong(2, first);
              query.setLong(3, first + path.width());
            },
            row -> out.writeBytes(row.getBytes(1)));
    return found == path.width() ? Optional.of(out.toByteArray()) : Optional.empty();
  }

  /**
   * The entry bundle {@code path}: each entry's canonical bytes (what its leaf hashes) behind a
   * big-endian uint16 length; empty until the log holds every entry.
   */
  public Optional<byte[]> entries(TilePath path) {
    long first = path.index() * TilePath.FULL;
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.width() * 1024);
    int found =
        read(
            "SELECT "
                + ROW.columns()
                + " FROM audit_event WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
            query -> {
              query.setLong(1, first);
              query.setLong(2, first + path.width());
            },
            row -> {
              AuditEvent e = ROW.read(row, new AuditEvent());
              byte[] entry = canonicalBytes(e);
              if (entry.length > MAX_ENTRY) {
                throw new IllegalStateException(
                    "entry " + e.leafIndex + " is longer than a tile entry may be");
              }
              out.write(entry.length >>> 8);
              out.write(entry.length & 0xFF);
              out.writeBytes(entry);
            });
    return found == path.width() ? Optional.of(out.toByteArray()) : Optional.empty();
  }

  /** The bytes a stored event's leaf hashes: its attribute lines, then its payload. */
  static byte[] canonicalBytes(AuditEvent e) {
    byte[] attributes =
        CanonicalForm.attributes(
            e.eventId,
            e.eventType,
            e.source,
            e.subject,
            e.eventTime == null ? null : e.eventTime.toInstant(),
            e.province,
            e.sequence,
            e.topic);
    byte[] payload = e.payload.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[attributes.length + payload.length];
    System.arraycopy(attributes, 0, all, 0, attributes.length);
    System.arraycopy(payload, 0, all, attributes.length, payload.length);
    return all;
  }

  private interface Binder {
    void bind(PreparedStatement query) throws SQLException;
  }

  private interface RowSink {
    void accept(ResultSet row) throws SQLException;
  }

  private int read(String sql, Binder binder, RowSink sink) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      binder.bind(query);
      int rows = 0;
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          sink.accept(result);
          rows++;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the log's tiles", e);
    }
  }
}
