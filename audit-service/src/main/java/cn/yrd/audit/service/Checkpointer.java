package cn.yrd.audit.service;

import cn.yrd.audit.config.AuditConfig;
import cn.yrd.audit.merkle.Checkpoints;
import cn.yrd.audit.merkle.MerkleTree;
import cn.yrd.audit.repository.NodeStore;
import cn.yrd.contracts.tlog.SignedNote;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Issues signed checkpoints every N events or T seconds, whichever comes first, and publishes each
 * to readers once a quorum of witnesses has cosigned it. Until then readers keep seeing the last
 * published one, and {@link #lastRound()} says which witnesses refused and why.
 */
@ApplicationScoped
public class Checkpointer {
  private static final Logger LOG = Logger.getLogger(Checkpointer.class);
  private static final String COLUMNS = "tree_size, root_hash, cosigned_note, created_at";
  // The size "before" the first checkpoint, so that even a tree of size 0 is newer than nothing.
  private static final long NONE = -1;

  @Inject AgroalDataSource dataSource;
  @Inject SigningKey key;
  @Inject AuditConfig config;
  @Inject Witnessing witnessing;
  @Inject MeterRegistry metrics;

  private volatile Witnessing.Round lastRound;

  /** A published tree head: the log's signature and the witnesses' cosignatures. */
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

  /**
   * Signs the current tree head unless it is already signed, has it cosigned, and returns the
   * latest published checkpoint. An empty log gets one too: size 0 with the empty root (RFC 6962),
   * so that readers and witnesses start from a signed tree head rather than from nothing.
   */
  public synchronized Optional<Checkpoint> issue() {
    try (Connection connection = dataSource.getConnection()) {
      NodeStore nodes = new NodeStore(connection);
      long size = nodes.size();
      long published = latest(connection, true).map(Checkpoint::treeSize).orElse(NONE);
      if (size > published) {
        long signed = latest(connection, false).map(Checkpoint::treeSize).orElse(NONE);
        byte[] root = nodes.prefetched(tree -> new MerkleTree(tree).root(size));
        String note =
            signed >= size ? unpublishedNote(connection, size) : sign(connection, size, root);
        publish(connection, nodes, size, note);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot issue a checkpoint", e);
    }
    return latest();
  }

  /** The last witnessing round, if the newest signed checkpoint is not published yet. */
  public Optional<Witnessing.Round> lastRound() {
    Witnessing.Round round = lastRound;
    long published = latest().map(Checkpoint::treeSize).orElse(NONE);
    return round != null && round.treeSize() > published ? Optional.of(round) : Optional.empty();
  }

  private String sign(Connection connection, long size, byte[] root) throws SQLException {
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
    return unpublishedNote(connection, size);
  }

  private void publish(Connection connection, NodeStore nodes, long size, String note)
      throws SQLException {
    SignedNote signed = SignedNote.parse(note).orElseThrow();
    Timer.Sample witnessed = Timer.start(metrics);
    Witnessing.Round round =
        witnessing.cosign(
            signed,
            size,
            old -> {
              try {
                return old == 0 || old >= size
                    ? List.of()
                    : nodes
                        .prefetched(tree -> new MerkleTree(tree).consistencyProof(old, size))
                        .stream()
                        .map(Witnessing::b64)
                        .toList();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    // What witnessing adds to each checkpoint: all witnesses asked at once, their answers awaited.
    witnessed.stop(
        Timer.builder("yrd.audit.witnessing")
            .description("one round of cosignatures for a checkpoint")
            .publishPercentiles(0.5, 0.99)
            .register(metrics));
    lastRound = round;
    if (round.cosignatures().size() < witnessing.quorum()) {
      LOG.warnf(
          "checkpoint %d not published: %d of %d cosignatures needed; refused by %s",
          size, round.cosignatures().size(), witnessing.quorum(), round.refusals());
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE checkpoint SET cosigned_note = ?, published_at = ? WHERE tree_size = ?")) {
      update.setString(1, signed.with(List.copyOf(round.cosignatures().values())).text());
      update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      update.setLong(3, size);
      update.executeUpdate();
    }
  }

  private static String unpublishedNote(Connection connection, long size) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT note FROM checkpoint WHERE tree_size = ?")) {
      query.setLong(1, size);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** The latest published checkpoint. */
  public Optional<Checkpoint> latest() {
    try (Connection connection = dataSource.getConnection()) {
      return latest(connection, true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Checkpoint> latest(Connection connection, boolean published)
      throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + (published ? COLUMNS : "tree_size, root_hash, note, created_at")
                    + " FROM checkpoint"
                    + (published ? " WHERE published_at IS NOT NULL" : "")
                    + " ORDER BY tree_size DESC LIMIT 1");
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
