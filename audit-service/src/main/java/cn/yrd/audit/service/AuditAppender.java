package cn.yrd.audit.service;

import cn.yrd.audit.merkle.Hashes;
import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.audit.repository.NodeStore;
import cn.yrd.support.jdbc.EntityRow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The single sequencer of the log: appends events as leaves, in one transaction per batch that
 * holds an advisory lock, so leaf indexes are gap-free and in one total order even with several
 * instances. A ce_id already stored is skipped (a redelivery changes nothing).
 */
@ApplicationScoped
public class AuditAppender {
  static final long SEQUENCER_LOCK = 0x5952444155444954L;
  // The entity's mapping, which the wiring test reads the rows back through.
  private static final EntityRow<AuditEvent> AUDIT_EVENT = EntityRow.of(AuditEvent.class);

  @Inject AgroalDataSource dataSource;

  /** Appends what is new; returns how many leaves were added. */
  public int append(List<IncomingEvent> events) {
    return QuarkusTransaction.requiringNew().call(() -> appendInTransaction(events));
  }

  private int appendInTransaction(List<IncomingEvent> events) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, SEQUENCER_LOCK);
        lock.execute();
      }
      Set<UUID> seen = stored(connection, events);
      long next = new NodeStore(connection).size();
      Map<Long, byte[]> cache = new HashMap<>();
      int added = 0;
      try (PreparedStatement insert = connection.prepareStatement(AUDIT_EVENT.insert());
          PreparedStatement node =
              connection.prepareStatement(
                  "INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)")) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (IncomingEvent e : events) {
          if (!seen.add(e.eventId())) {
            continue;
          }
          byte[] leaf = CanonicalForm.leafHash(e);
          AUDIT_EVENT.bind(insert, 1, row(e, next, leaf, now));
          insert.addBatch();
          addNodes(connection, node, next, leaf, cache);
          next++;
          added++;
        }
        insert.executeBatch();
        node.executeBatch();
      }
      return added;
    }
  }

  /** The stored row of an event: leaf {@code index} of the tree, with its hash. */
  private static AuditEvent row(IncomingEvent e, long index, byte[] leaf, OffsetDateTime now) {
    AuditEvent row = new AuditEvent();
    row.leafIndex = index;
    row.eventId = e.eventId();
    row.topic = e.topic();
    row.partition = e.partition();
    row.offset = e.offset();
    row.eventType = e.type();
    row.source = e.source();
    row.subject = e.subject();
    row.province = e.province();
    row.sequence = e.sequence();
    row.eventTime = e.time() == null ? null : OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC);
    row.payload = e.payload();
    row.receivedAt = now;
    row.leafHash = leaf;
    row.correlationId = e.correlationId();
    return row;
  }

  /** Adds the leaf and every complete subtree it closes. */
  private static void addNodes(
      Connection connection,
      PreparedStatement insert,
      long index,
      byte[] leaf,
      Map<Long, byte[]> cache)
      throws SQLException {
    put(insert, cache, 0, index, leaf);
    byte[] hash = leaf;
    long size = index + 1;
    for (int level = 1; size % (1L << level) == 0; level++) {
      long idx = size / (1L << level) - 1;
      byte[] left = node(connection, cache, level - 1, 2 * idx);
      hash = Hashes.node(left, hash);
      put(insert, cache, level, idx, hash);
    }
  }

  private static void put(
      PreparedStatement insert, Map<Long, byte[]> cache, int level, long idx, byte[] hash)
      throws SQLException {
    cache.put(key(level, idx), hash);
    insert.setShort(1, (short) level);
    insert.setLong(2, idx);
    insert.setBytes(3, hash);
    insert.addBatch();
  }

  private static byte[] node(Connection connection, Map<Long, byte[]> cache, int level, long idx) {
    byte[] cached = cache.get(key(level, idx));
    return cached != null ? cached : new NodeStore(connection).perfect(level, idx);
  }

  private static long key(int level, long idx) {
    return ((long) level << 56) | idx;
  }

  private static Set<UUID> stored(Connection connection, List<IncomingEvent> events)
      throws SQLException {
    Set<UUID> found = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT event_id FROM audit_event WHERE event_id = ANY (?)")) {
      query.setArray(
          1,
          connection.createArrayOf("uuid", events.stream().map(IncomingEvent::eventId).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return found;
  }
}
