package cn.yrd.audit.service;

import cn.yrd.audit.merkle.Hashes;
import cn.yrd.audit.merkle.MerkleTree;
import cn.yrd.audit.repository.NodeStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;

/**
 * The verification run: recomputes every leaf from its stored row, and the root from those leaves,
 * and compares them with the stored leaf hashes, the stored tree and the latest signed checkpoint.
 * It names the first leaf that does not match.
 */
@ApplicationScoped
public class Verifier {
  private static final int PAGE = 5000;

  @Inject AgroalDataSource dataSource;
  @Inject Checkpointer checkpointer;

  /** What the run found. */
  public record Report(
      boolean ok,
      long leavesChecked,
      long checkpointSize,
      boolean checkpointRootMatches,
      boolean storedTreeMatches,
      Mismatch firstMismatch) {}

  /** The first leaf whose recomputed hash differs, and how. */
  public record Mismatch(long leafIndex, UUID eventId, String reason) {}

  public Report run() {
    Optional<Checkpointer.Checkpoint> checkpoint = checkpointer.latest();
    long checkpointSize = checkpoint.map(Checkpointer.Checkpoint::treeSize).orElse(0L);
    Deque<long[]> levels = new ArrayDeque<>();
    Deque<byte[]> hashes = new ArrayDeque<>();
    byte[] rootAtCheckpoint = checkpointSize == 0 ? Hashes.EMPTY_ROOT : null;
    Mismatch first = null;
    long checked = 0;
    try (Connection connection = dataSource.getConnection()) {
      long after = -1;
      while (true) {
        int read = 0;
        try (PreparedStatement page =
            connection.prepareStatement(
                "SELECT e.leaf_index, e.event_id, e.event_type, e.source, e.subject, e.event_time, e.province,"
                    + " e.sequence, e.topic, e.payload, e.leaf_hash, n.hash FROM audit_event e"
                    + " LEFT JOIN merkle_node n ON n.level = 0 AND n.idx = e.leaf_index"
                    + " WHERE e.leaf_index > ? ORDER BY e.leaf_index LIMIT ?")) {
          page.setLong(1, after);
          page.setInt(2, PAGE);
          try (ResultSet rows = page.executeQuery()) {
            while (rows.next()) {
              read++;
              long index = rows.getLong(1);
              UUID id = rows.getObject(2, UUID.class);
              OffsetDateTime time = rows.getObject(6, OffsetDateTime.class);
              long sequence = rows.getLong(8);
              Long seq = rows.wasNull() ? null : sequence;
              byte[] recomputed =
                  Hashes.leaf(
                      CanonicalForm.bytes(
                          id,
                          rows.getString(3),
                          rows.getString(4),
                          rows.getString(5),
                          time == null ? null : time.toInstant(),
                          rows.getString(7),
                          seq,
                          rows.getString(9),
                          rows.getString(10)));
              if (first == null && index != checked) {
                first = new Mismatch(checked, id, "leaf index " + checked + " is missing");
              }
              if (first == null && !Arrays.equals(recomputed, rows.getBytes(11))) {
                first =
                    new Mismatch(index, id, "the stored event no longer hashes to its leaf hash");
              }
              if (first == null && !Arrays.equals(recomputed, rows.getBytes(12))) {
                first = new Mismatch(index, id, "the Merkle tree holds a different leaf");
              }
              push(levels, hashes, recomputed);
              checked++;
              if (checked == checkpointSize) {
                rootAtCheckpoint = fold(hashes);
              }
              after = index;
            }
          }
        }
        if (read < PAGE) {
          break;
        }
      }
      byte[] signedRoot = rootAtCheckpoint;
      boolean checkpointMatches =
          checkpoint.isEmpty()
              || (signedRoot != null && Arrays.equals(checkpoint.get().rootHash(), signedRoot));
      byte[] recomputedRoot = checked == 0 ? Hashes.EMPTY_ROOT : fold(hashes);
      boolean treeMatches =
          Arrays.equals(recomputedRoot, new MerkleTree(new NodeStore(connection)).root(checked));
      return new Report(
          first == null && checkpointMatches && treeMatches,
          checked,
          checkpointSize,
          checkpointMatches,
          treeMatches,
          first);
    } catch (SQLException e) {
      throw new IllegalStateException("the verification run could not read the log", e);
    }
  }

  /** Appends a leaf to the right edge, merging equal-sized complete subtrees. */
  private static void push(Deque<long[]> levels, Deque<byte[]> hashes, byte[] leaf) {
    long level = 0;
    byte[] hash = leaf;
    while (!levels.isEmpty() && levels.peekLast()[0] == level) {
      levels.removeLast();
      hash = Hashes.node(hashes.removeLast(), hash);
      level++;
    }
    levels.addLast(new long[] {level});
    hashes.addLast(hash);
  }

  /** The RFC 6962 root of the leaves pushed so far: the right edge folded from the right. */
  private static byte[] fold(Deque<byte[]> hashes) {
    byte[] root = null;
    var it = hashes.descendingIterator();
    while (it.hasNext()) {
      byte[] h = it.next();
      root = root == null ? h : Hashes.node(h, root);
    }
    return root;
  }
}
