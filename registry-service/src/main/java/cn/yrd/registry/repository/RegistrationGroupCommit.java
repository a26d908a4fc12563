package cn.yrd.registry.repository;

import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.registry.repository.RegistrationWriter.Stamped;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Commits registrations that arrive together in one statement: callers queue their rows, and each
 * of a few writer threads stores everything waiting at once. Concurrent clients then share one
 * round trip and one WAL flush instead of paying one each. If the shared statement fails (a clash
 * between two rows, or with one already stored), nothing of it was stored and every row is stored
 * again on its own, so each caller gets the answer its own row deserves. See
 * docs/adr/0011-registration-group-commit.md.
 */
@ApplicationScoped
public class RegistrationGroupCommit {
  private static final Logger LOG = Logger.getLogger(RegistrationGroupCommit.class);
  private static final long WAIT_SLICE_MILLIS = 1000;

  @Inject RegistrationWriter writer;
  @Inject RegistryConfig config;
  @Inject MeterRegistry metrics;

  private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;
  private int maxRows;
  private DistributionSummary groupSizes;

  private record Waiting(Stamped row, CompletableFuture<Void> stored) {}

  void start(@Observes StartupEvent event) {
    RegistryConfig.GroupCommit settings = config.groupCommit();
    if (settings.writers() < 1 || settings.maxRows() < 1) {
      throw new IllegalStateException(
          "yrd.registry.group-commit.writers and .max-rows must be at least 1");
    }
    maxRows = settings.maxRows();
    groupSizes =
        DistributionSummary.builder("yrd.registry.group-commit.rows")
            .description("Registrations stored by one statement")
            .register(metrics);
    running = true;
    for (int i = 0; i < settings.writers(); i++) {
      Thread thread = new Thread(this::run, "registration-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      writers.add(thread);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    for (Thread thread : writers) {
      thread.interrupt();
    }
  }

  /**
   * Stores one registration, committed when this returns. Throws {@link
   * RegistrationWriter.ClashException} if its code or name is already registered.
   */
  public void store(NewRegistration row, String actor, OffsetDateTime at) throws SQLException {
    if (!running) {
      writer.insert(row, actor, at);
      return;
    }
    Waiting waiting = new Waiting(new Stamped(row, actor, at), new CompletableFuture<>());
    queue.add(waiting);
    awaitStored(waiting);
  }

  private void awaitStored(Waiting waiting) throws SQLException {
    while (true) {
      try {
        waiting.stored().get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        // The writers stopped before taking this row: store it here instead.
        if (!running && queue.remove(waiting)) {
          Stamped row = waiting.row();
          writer.insert(row.row(), row.actor(), row.at());
          return;
        }
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while a registration was being stored", e);
      }
    }
  }

  private static SQLException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof SQLException sql) {
      return sql;
    }
    throw new IllegalStateException(cause);
  }

  private void run() {
    List<Waiting> group = new ArrayList<>(maxRows);
    while (running) {
      try {
        Waiting first = queue.poll(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, maxRows - 1);
        storeGroup(group);
      } catch (InterruptedException e) {
        // stop() interrupts a writer waiting for rows; the loop then sees it is no longer running.
        continue;
      } catch (RuntimeException e) {
        LOG.errorf(e, "a registration writer failed");
        group.forEach(waiting -> waiting.stored().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
  }

  private void storeGroup(List<Waiting> group) {
    groupSizes.record(group.size());
    if (group.size() > 1) {
      try {
        writer.insertTogether(group.stream().map(Waiting::row).toList());
        group.forEach(waiting -> waiting.stored().complete(null));
        return;
      } catch (SQLException e) {
        LOG.debugf("a group of %d registrations failed, storing each alone: %s", group.size(), e);
      }
    }
    for (Waiting waiting : group) {
      Stamped row = waiting.row();
      try {
        writer.insert(row.row(), row.actor(), row.at());
        waiting.stored().complete(null);
      } catch (SQLException | RuntimeException e) {
        waiting.stored().completeExceptionally(e);
      }
    }
  }
}
