package cn.yrd.recognition.service.feed;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.recognition.FeedKind;
import cn.yrd.recognition.repository.FeedEntry;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.support.jdbc.EntityRow;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds entries to the change feed in the caller's transaction, and wakes the sequencer after the
 * commit so that subscribers see them at once.
 */
@ApplicationScoped
public class FeedWriter {
  private static final EntityRow<FeedEntry> ROW = EntityRow.of(FeedEntry.class);

  @Inject FeedSequencer sequencer;
  @Inject TransactionSynchronizationRegistry transactions;

  /** A conflict's new state. */
  public void conflict(String eventType, String uscc, String[] provinces, String payload) {
    entry(FeedKind.CONFLICT, eventType, uscc, String.join(",", provinces), null, payload).persist();
    wakeSequencerAfterCommit();
  }

  /** A recognition request's new state: it concerns its home and its host province. */
  public void recognition(
      String eventType, String uscc, String homeProvince, String hostProvince, String payload) {
    String provinces =
        Stream.of(homeProvince, hostProvince).distinct().sorted().collect(Collectors.joining(","));
    entry(FeedKind.RECOGNITION, eventType, uscc, provinces, null, payload).persist();
    wakeSequencerAfterCommit();
  }

  /**
   * The records the consumer stored, one entry each, as a JDBC batch on the transaction's own
   * connection (the consumer writes the records themselves that way too).
   */
  public void records(Collection<OrgRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    Panache.getSession()
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(ROW.insert())) {
                for (OrgRecord r : records) {
                  FeedEntry e =
                      entry(
                          FeedKind.ORGANIZATION,
                          r.lastEventType,
                          r.uscc,
                          r.province,
                          r.version,
                          FeedLines.record(r));
                  ROW.bind(statement, 1, e);
                  statement.addBatch();
                }
                statement.executeBatch();
              }
            });
    wakeSequencerAfterCommit();
  }

  private static FeedEntry entry(
      FeedKind kind,
      String eventType,
      String uscc,
      String provinces,
      Long version,
      String payload) {
    FeedEntry e = new FeedEntry();
    e.id = EventIds.next();
    e.kind = kind.name();
    e.eventType = eventType;
    e.uscc = uscc;
    e.provinces = provinces;
    e.version = version;
    e.payload = payload;
    e.recordedAt = BusinessTime.now();
    return e;
  }

  private void wakeSequencerAfterCommit() {
    // Once per transaction, however many entries it writes.
    if (transactions.getResource(FeedWriter.class) == null) {
      transactions.putResource(FeedWriter.class, Boolean.TRUE);
      transactions.registerInterposedSynchronization(new WakeAfterCommit(sequencer));
    }
  }

  private record WakeAfterCommit(FeedSequencer sequencer) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        sequencer.wakeUp();
      }
    }
  }
}
