package cn.yrd.audit.service;

import cn.yrd.audit.config.AuditConfig;
import cn.yrd.audit.merkle.Checkpoints;
import cn.yrd.audit.merkle.MerkleTree;
import cn.yrd.audit.repository.NodeStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Issues signed checkpoints every N events or T seconds, whichever comes first. */
@ApplicationScoped
public class Checkpointer {
  @Inject AgroalDataSource dataSource;
  @Inject SigningKey key;
  @Inject AuditConfig config;

  /** A signed tree head. */
  public record Checkpoint(long treeSize, byte[] rootHash, String note, OffsetDateTime createdAt) {}

  /** Called after each append: a checkpoint once N events have accumulated. */
  public void afterAppend() {
    Optional<Checkpoint> last = latest();
    long size = NodeStore.with(dataSource, NodeStore::size);
    if (size - last.map(Checkpoint::treeSize).orElse(0L) >= config.checkpointEvery()) {
      issue();
    }
  }

  @Scheduled(
      every = "${yrd.audit.checkpoint-interval:PT10S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void periodically() {
    issue();
  }

  /** Signs the current tree head unless it is already signed; returns the latest checkpoint. */
  public synchronized Optional<Checkpoint> issue() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection connection = dataSource.getConnection()) {
                NodeStore nodes = new NodeStore(connection);
                long size = nodes.size();
                if (size == 0 || latest(connection).map(Checkpoint::treeSize).orElse(0L) >= size) {
                  return;
                }
                byte[] root = new MerkleTree(nodes).root(size);
                String note =
                    Checkpoints.sign(
                        Checkpoints.body(config.origin(), size, root),
                        key.keyName(),
                        key.privateKey(),
                        key.rawPublicKey());
                try (PreparedStatement insert =
                    connection.prepareStatement(
                        "INSERT INTO checkpoint (tree_size, root_hash, note, created_at) VALUES (?,?,?,?)"
                            + " ON CONFLICT (tree_size) DO NOTHING")) {
                  insert.setLong(1, size);
                  insert.setBytes(2, root);
                  insert.setString(3, note);
                  insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                  insert.executeUpdate();
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot issue a checkpoint", e);
              }
            });
    return latest();
  }

  public Optional<Checkpoint> latest() {
    try (Connection connection = dataSource.getConnection()) {
      return latest(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Checkpoint> latest(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT tree_size, root_hash, note, created_at FROM checkpoint ORDER BY tree_size DESC LIMIT 1");
        ResultSet rows = query.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Checkpoint(
              rows.getLong(1),
              rows.getBytes(2),
              rows.getString(3),
              rows.getObject(4, OffsetDateTime.class)));
    }
  }
}
