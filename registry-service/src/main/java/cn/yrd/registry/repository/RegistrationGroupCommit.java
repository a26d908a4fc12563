package cn.yrd.registry.repository;

import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.registry.repository.RegistrationWriter.Stamped;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  private static final long POLL_MILLIS = 100;
  private static final long STOP_WAIT_MILLIS = 10_000;

  @Inject RegistrationWriter writer;
  @Inject RegistryConfig config;
  @Inject MeterRegistry metrics;

  private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;
  private int maxRows;
  private DistributionSummary groupSizes;

  private record Waiting(Stamped row, CompletableFuture<Void> stored, Context context) {
    void succeed() {
      complete(() -> stored.complete(null));
    }

    void fail(Throwable failure) {
      complete(() -> stored.completeExceptionally(failure));
    }

    private void complete(Runnable completion) {
      if (context == null) {
        completion.run();
      } else {
        context.runOnContext(ignored -> completion.run());
      }
    }
  }

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
      try {
        thread.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Queues one registration; the stage completes once it has committed, or fails with {@link
   * RegistrationWriter.ClashException} if its code or name is already registered. It completes on
   * the caller's Vert.x context (the request's event loop) when there is one, so that a writer
   * thread only stores rows and the answer is written where the request came in.
   */
  public CompletionStage<Void> submit(NewRegistration row, String actor, OffsetDateTime at) {
    Waiting waiting =
        new Waiting(new Stamped(row, actor, at), new CompletableFuture<>(), Vertx.currentContext());
    queue.add(waiting);
    // stop() let the writers go once the queue was empty: take the row back if none took it.
    if (!running && queue.remove(waiting)) {
      waiting.fail(new IllegalStateException("the registry is stopping"));
    }
    return waiting.stored();
  }

  private void run() {
    List<Waiting> group = new ArrayList<>(maxRows);
    while (true) {
      try {
        Waiting first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!running) {
            return;
          }
          continue;
        }
        group.add(first);
        queue.drainTo(group, maxRows - 1);
        storeGroup(group);
      } catch (InterruptedException e) {
        // Only the wait for a first row is interruptible, so the group is still empty.
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.errorf(e, "a registration writer failed");
        group.forEach(waiting -> waiting.fail(e));
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
        group.forEach(Waiting::succeed);
        return;
      } catch (SQLException e) {
        LOG.debugf("a group of %d registrations failed, storing each alone: %s", group.size(), e);
      }
    }
    for (Waiting waiting : group) {
      try {
        writer.insert(waiting.row());
        waiting.succeed();
      } catch (SQLException | RuntimeException e) {
        waiting.fail(e);
      }
    }
  }
}
