package cn.yrd.audit.repository;

import cn.yrd.audit.merkle.NodeSource;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Complete-subtree hashes read from {@code merkle_node}, on one connection. */
public final class NodeStore implements NodeSource {
  private final Connection connection;

  public NodeStore(Connection connection) {
    this.connection = connection;
  }

  public static <T> T with(AgroalDataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(new NodeStore(connection));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the Merkle tree", e);
    }
  }

  /** Something done with a node store. */
  public interface Work<T> {
    T run(NodeStore store) throws SQLException;
  }

  @Override
  public byte[] perfect(int level, long index) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?")) {
      query.setShort(1, (short) level);
      query.setLong(2, index);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("missing Merkle node " + level + "/" + index);
        }
        return rows.getBytes(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read Merkle node " + level + "/" + index, e);
    }
  }

  /**
   * Runs a tree computation with a single query. Which nodes an RFC 6962 computation reads depends
   * only on the indices and sizes, not on the hashes, so a dry run with placeholder hashes lists
   * them; they are fetched at once and the computation runs again on the real ones.
   */
  public <T> T prefetched(Function<NodeSource, T> computation) throws SQLException {
    List<long[]> wanted = new ArrayList<>();
    byte[] placeholder = new byte[32];
    computation.apply(
        (level, index) -> {
          wanted.add(new long[] {level, index});
          return placeholder;
        });
    Map<String, byte[]> found = new HashMap<>();
    if (!wanted.isEmpty()) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT level, idx, hash FROM merkle_node WHERE (level, idx) IN"
                  + " (SELECT * FROM unnest(?::smallint[], ?::bigint[]))")) {
        query.setArray(
            1,
            connection.createArrayOf(
                "int2", wanted.stream().map(w -> (short) w[0]).toArray(Short[]::new)));
        query.setArray(
            2,
            connection.createArrayOf("int8", wanted.stream().map(w -> w[1]).toArray(Long[]::new)));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.put(rows.getInt(1) + "/" + rows.getLong(2), rows.getBytes(3));
          }
        }
      }
    }
    return computation.apply(
        (level, index) -> {
          byte[] hash = found.get(level + "/" + index);
          if (hash == null) {
            throw new IllegalStateException("missing Merkle node " + level + "/" + index);
          }
          return hash;
        });
  }

  /** How many leaves the log holds. */
  public long size() throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT coalesce(max(idx) + 1, 0) FROM merkle_node WHERE level = 0");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
