package cn.yrd.audit.repository;

import cn.yrd.audit.merkle.NodeSource;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
