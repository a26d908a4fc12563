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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
    // Resources close in reverse order: the readers stop before their connections go back to the
    // pool, even when the run ends with a read still in flight.
    try (Connection connection = dataSource.getConnection();
        Connection leafConnection = dataSource.getConnection();
        Reader pages = new Reader("audit-verification-pages");
        Reader leaves = new Reader("audit-verification-leaves")) {
      Future<Page> next = pages.submit(() -> read(connection, -1));
      long after = -1;
      while (next != null) {
        Page page = awaitRead(next);
        long from = after;
        Future<byte[][]> treeRead = leaves.submit(() -> treeLeaves(leafConnection, from, page));
        after = page.size() == 0 ? after : page.index[page.size() - 1];
        long last = after;
        next = page.size() < PAGE ? null : pages.submit(() -> read(connection, last));
        byte[][] recomputed = new byte[page.size()][];
        // Recomputing leaves is independent per row: use every core.
        IntStream.range(0, page.size()).parallel().forEach(i -> recomputed[i] = page.leaf(i));
        byte[][] treeLeaves = awaitRead(treeRead);
        for (int i = 0; i < page.size(); i++) {
          long index = page.index[i];
          UUID id = page.id[i];
          if (first == null && index != checked) {
            first = new Mismatch(checked, id, "leaf index " + checked + " is missing");
          }
          if (first == null && !Arrays.equals(recomputed[i], page.leafHash[i])) {
            first = new Mismatch(index, id, "the stored event no longer hashes to its leaf hash");
          }
          if (first == null && !Arrays.equals(recomputed[i], treeLeaves[i])) {
            first = new Mismatch(index, id, "the Merkle tree holds a different leaf");
          }
          push(levels, hashes, recomputed[i]);
          checked++;
          if (checked == checkpointSize) {
            rootAtCheckpoint = fold(hashes);
          }
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
      throw unreadable(e);
    }
  }

  /**
   * A thread that runs one read at a time. A run has two, each with its own connection: one reads
   * the next page of events while the other reads the tree's leaves for the page just read and the
   * caller hashes it, so the two database backends and the hashers work at the same time instead of
   * in turn.
   */
  private static final class Reader implements AutoCloseable {
    private final ExecutorService thread;

    Reader(String name) {
      thread = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
    }

    <T> Future<T> submit(Callable<T> read) {
      return thread.submit(read);
    }

    @Override
    public void close() {
      thread.shutdownNow();
      try {
        thread.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T awaitRead(Future<T> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      throw unreadable(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreadable(e);
    }
  }

  private static IllegalStateException unreadable(Throwable cause) {
    return new IllegalStateException("the verification run could not read the log", cause);
  }

  /** One page of stored events, column by column. */
  private record Page(
      int size,
      long[] index,
      UUID[] id,
      String[][] text,
      Instant[] time,
      Long[] sequence,
      byte[][] payload,
      byte[][] leafHash) {

    /** The leaf hash recomputed from the stored columns. */
    byte[] leaf(int i) {
      String[] t = text[i];
      return CanonicalForm.leafHash(
          CanonicalForm.attributes(id[i], t[0], t[1], t[2], time[i], t[3], sequence[i], t[4]),
          payload[i]);
    }
  }

  private static Page read(Connection connection, long after) throws SQLException {
    long[] index = new long[PAGE];
    UUID[] id = new UUID[PAGE];
    String[][] text = new String[PAGE][];
    Instant[] time = new Instant[PAGE];
    Long[] sequence = new Long[PAGE];
    byte[][] payload = new byte[PAGE][];
    byte[][] leafHash = new byte[PAGE][];
    int n = 0;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT leaf_index, event_id, event_type, source, subject, event_time, province,"
                + " sequence, topic, payload, leaf_hash FROM audit_event"
                + " WHERE leaf_index > ? ORDER BY leaf_index LIMIT ?")) {
      statement.setLong(1, after);
      statement.setInt(2, PAGE);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          index[n] = rows.getLong(1);
          id[n] = rows.getObject(2, UUID.class);
          OffsetDateTime t = rows.getObject(6, OffsetDateTime.class);
          time[n] = t == null ? null : t.toInstant();
          long s = rows.getLong(8);
          sequence[n] = rows.wasNull() ? null : s;
          text[n] =
              new String[] {
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(7),
                rows.getString(9)
              };
          // The payload's text as PostgreSQL sends it, UTF-8: what the leaf hashed, not decoded.
          payload[n] = rows.getBytes(10);
          leafHash[n] = rows.getBytes(11);
          n++;
        }
      }
    }
    return new Page(n, index, id, text, time, sequence, payload, leafHash);
  }

  /** The tree's level-0 hashes for the page's leaves, aligned with it (null where missing). */
  private static byte[][] treeLeaves(Connection connection, long after, Page page)
      throws SQLException {
    byte[][] leaves = new byte[page.size()][];
    if (page.size() == 0) {
      return leaves;
    }
    Map<Long, Integer> position = new HashMap<>(page.size() * 2);
    for (int i = 0; i < page.size(); i++) {
      position.put(page.index[i], i);
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT idx, hash FROM merkle_node WHERE level = 0 AND idx > ? AND idx <= ?")) {
      statement.setLong(1, after);
      statement.setLong(2, page.index[page.size() - 1]);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Integer i = position.get(rows.getLong(1));
          if (i != null) {
            leaves[i] = rows.getBytes(2);
          }
        }
      }
    }
    return leaves;
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
