package cn.yrd.recognition.service.feed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Numbers committed feed entries, in the order they arrived, one numbering step at a time across
 * every instance (a transaction-scoped advisory lock): positions are gap-free, and a position
 * becomes visible only with every one before it. Entries are numbered only once committed, so a
 * transaction that rolls back never leaves a hole. See docs/adr/0020-change-feed.md.
 */
@ApplicationScoped
public class FeedSequencer {
  private static final Logger LOG = Logger.getLogger(FeedSequencer.class);

  /** Advisory-lock key of the numbering step: any fixed number unique within this database. */
  static final long NUMBERING_LOCK_KEY = 0x5952444645454401L;

  /** Entries numbered per step; a larger backlog takes several steps, with no pause between. */
  static final int STEP = 5_000;

  /** How often the sequencer looks without being woken: for entries another instance wrote. */
  private static final Duration POLL = Duration.ofMillis(100);

  private static final String NUMBER =
      "WITH due AS (SELECT id, row_number() OVER (ORDER BY arrival) AS n FROM feed_entry"
          + " WHERE position IS NULL ORDER BY arrival LIMIT "
          + STEP
          + "), base AS (SELECT coalesce((SELECT max(position) FROM feed_entry),"
          + " (SELECT pruned_through FROM feed_horizon)) AS last)"
          + " UPDATE feed_entry f SET position = base.last + due.n FROM due, base"
          + " WHERE f.id = due.id RETURNING f.position";

  @Inject AgroalDataSource dataSource;
  @Inject FeedTail tail;

  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;

  void start(@Observes StartupEvent event) {
    running = true;
    worker = new Thread(this::run, "feed-sequencer");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUp();
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Asks for a numbering step now, instead of at the next poll. */
  public void wakeUp() {
    wakeUps.release();
  }

  private void run() {
    while (running) {
      Duration pause = POLL;
      try {
        if (numberOneStep() == STEP) {
          pause = Duration.ZERO;
        }
        // Also what other instances numbered: the tail reads every position, whoever numbered it.
        tail.refresh();
      } catch (SQLException e) {
        LOG.warnf("feed sequencer could not number entries, will retry: %s", e.getMessage());
        pause = Duration.ofSeconds(1);
      }
      try {
        if (wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Numbers what has committed since the last step; returns how many entries it numbered. */
  int numberOneStep() throws SQLException {
    int numbered = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, NUMBERING_LOCK_KEY);
          lock.execute();
        }
        try (PreparedStatement number = connection.prepareStatement(NUMBER);
            ResultSet positions = number.executeQuery()) {
          while (positions.next()) {
            numbered++;
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    return numbered;
  }
}
