package cn.yrd.support.outbox;

import cn.yrd.support.tracing.EventTracing;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox in order. Exactly one instance per province is the leader (it holds a
 * PostgreSQL advisory lock on a dedicated connection); the leader numbers rows as it claims them
 * and commits the numbers before sending, so a crash re-sends the same numbers. Its progress moves
 * past a row only after the broker acknowledged it and every row numbered before it. See
 * docs/adr/0002-outbox-relay.md.
 */
@ApplicationScoped
@IfBuildProperty(name = "yrd.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Advisory-lock key of the relay leader: any fixed number unique within this database. */
  static final long LEADER_LOCK_KEY = 0x59524452454c4159L;

  @Inject AgroalDataSource dataSource;
  @Inject OutboxConfig config;
  @Inject MeterRegistry metrics;
  @Inject EventTracing tracing;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private final Semaphore wakeUps = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private volatile boolean running;
  private volatile boolean leader;
  private Thread worker;
  private Connection leaderConnection;
  private OutboxPublisher publisher;
  private Counter published;
  private Counter failures;

  void start(@Observes StartupEvent event) {
    published =
        Counter.builder("yrd.outbox.published")
            .description("outbox events the broker acknowledged")
            .register(metrics);
    failures =
        Counter.builder("yrd.outbox.publish.failures")
            .description("outbox batches the broker did not acknowledge (retried)")
            .register(metrics);
    Gauge.builder("yrd.outbox.backlog", backlog, AtomicLong::doubleValue)
        .description("events written to the outbox and not yet published")
        .register(metrics);
    Gauge.builder("yrd.outbox.leader", this, relay -> relay.leader ? 1 : 0)
        .description("1 on the instance whose relay publishes (holds the outbox lock), 0 elsewhere")
        .register(metrics);
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUp();
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Asks the relay to look for new rows now instead of at its next poll. */
  public void wakeUp() {
    wakeUps.release();
  }

  /** Whether this instance currently publishes for its province. */
  public boolean isLeader() {
    return leader;
  }

  /** Rows written but not yet acknowledged by the broker, as last counted by the leader. */
  public long backlog() {
    return backlog.get();
  }

  private void run() {
    OutboxConfig settings = config;
    while (running) {
      Duration pause = settings.pollInterval();
      try {
        if (!leader) {
          leader = tryToLead();
          pause = leader ? Duration.ZERO : settings.leaderRetry();
        } else if (publishOneBatch() == settings.batchSize()) {
          pause = Duration.ZERO;
        }
      } catch (SQLException e) {
        LOG.warnf("outbox relay lost its database connection: %s", e.getMessage());
        resign();
        pause = settings.failureBackoff();
      } catch (RuntimeException e) {
        failures.increment();
        LOG.warnf("outbox relay could not publish, will retry: %s", e.getMessage());
        closePublisher();
        pause = settings.failureBackoff();
      }
      await(pause);
    }
    resign();
    closePublisher();
  }

  private boolean tryToLead() throws SQLException {
    Connection connection = dataSource.getConnection();
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, LEADER_LOCK_KEY);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        if (result.getBoolean(1)) {
          connection.setAutoCommit(false);
          leaderConnection = connection;
          LOG.info("this instance now relays the outbox");
          return true;
        }
      }
    }
    connection.close();
    return false;
  }

  private int publishOneBatch() throws SQLException {
    // A dead leader connection fails the claim with an SQLException, and the leader resigns.
    OutboxStore store = new OutboxStore(leaderConnection);
    List<OutboxStore.Row> rows = store.claim(config.batchSize());
    // Only a full batch can leave rows behind; counting them every round cost a round trip.
    backlog.set(rows.size() < config.batchSize() ? rows.size() : store.countUnpublished());
    if (rows.isEmpty()) {
      return 0;
    }
    if (publisher == null) {
      publisher = new OutboxPublisher(kafkaConfig, config.source(), config.province(), tracing);
    }
    OutboxPublisher.Result result = publisher.send(rows);
    if (result.acknowledged() > 0) {
      store.markPublishedThrough(rows.get(result.acknowledged() - 1).sequence());
    }
    published.increment(result.acknowledged());
    backlog.addAndGet(-result.acknowledged());
    if (result.failure() != null) {
      throw result.failure();
    }
    return rows.size();
  }

  private void resign() {
    leader = false;
    if (leaderConnection != null) {
      try {
        leaderConnection.rollback();
        try (PreparedStatement unlock =
            leaderConnection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          unlock.setLong(1, LEADER_LOCK_KEY);
          unlock.execute();
        }
        leaderConnection.commit();
        leaderConnection.close();
      } catch (SQLException e) {
        LOG.debugf("closing the leader connection: %s", e.getMessage());
      }
      leaderConnection = null;
    }
  }

  private void closePublisher() {
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
  }

  private void await(Duration pause) {
    try {
      if (!pause.isZero() && wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
        // Let concurrent writers commit too, so one round carries many rows instead of one.
        Thread.sleep(config.linger().toMillis());
        wakeUps.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
