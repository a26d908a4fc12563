package cn.yrd.registry.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * A few writer threads, each storing everything waiting (up to a limit) as one group. If a group
 * cannot be stored together, nothing of it was stored, and each item is stored alone so that every
 * caller gets the outcome of its own item. On {@link #stop} the writers first store everything
 * already queued; an item submitted after that fails at once.
 *
 * @param <T> what is stored
 */
public final class GroupCommitter<T> {
  private static final Logger LOG = Logger.getLogger(GroupCommitter.class);
  private static final long POLL_MILLIS = 100;

  /** Where the groups go. */
  public interface Store<T> {
    /** Stores all of {@code group} or, if it throws, none of it. */
    void together(List<T> group) throws Exception;

    /** Stores one item on its own. */
    void alone(T item) throws Exception;
  }

  private record Waiting<T>(T item, CompletableFuture<Void> stored, Executor completion) {
    void succeed() {
      completion.execute(() -> stored.complete(null));
    }

    void fail(Throwable failure) {
      completion.execute(() -> stored.completeExceptionally(failure));
    }
  }

  private final String name;
  private final int writerCount;
  private final int maxRows;
  private final Store<T> store;
  private final IntConsumer groupSizes;
  private final BlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param name the writer threads' name, followed by their number
   * @param writers how many writer threads, each with at most one group in flight
   * @param maxRows the most items one group holds
   * @param groupSizes told the size of every group a writer takes
   */
  public GroupCommitter(
      String name, int writers, int maxRows, Store<T> store, IntConsumer groupSizes) {
    if (writers < 1 || maxRows < 1) {
      throw new IllegalArgumentException("writers and rows per group must be at least 1");
    }
    this.name = name;
    this.writerCount = writers;
    this.maxRows = maxRows;
    this.store = store;
    this.groupSizes = groupSizes;
  }

  public void start() {
    running = true;
    for (int i = 0; i < writerCount; i++) {
      Thread thread = new Thread(this::run, name + "-" + i);
      thread.setDaemon(true);
      thread.start();
      writers.add(thread);
    }
  }

  /** Lets the writers store what is queued, then waits up to {@code wait} for each to end. */
  public void stop(Duration wait) throws InterruptedException {
    running = false;
    for (Thread thread : writers) {
      thread.join(wait.toMillis());
    }
  }

  /**
   * Queues {@code item}; the stage completes, through {@code completion}, once it is stored, or
   * fails with what {@link Store#alone} threw for it.
   */
  public CompletionStage<Void> submit(T item, Executor completion) {
    Waiting<T> waiting = new Waiting<>(item, new CompletableFuture<>(), completion);
    queue.add(waiting);
    // stop() let the writers go once the queue was empty: take the item back if none took it.
    if (!running && queue.remove(waiting)) {
      waiting.fail(new IllegalStateException(name + " is stopping"));
    }
    return waiting.stored();
  }

  private void run() {
    List<Waiting<T>> group = new ArrayList<>(maxRows);
    while (true) {
      try {
        Waiting<T> first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
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
        // Only the wait for a first item is interruptible, so the group is still empty.
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.errorf(e, "a writer of %s failed", name);
        group.forEach(waiting -> waiting.fail(e));
      } finally {
        group.clear();
      }
    }
  }

  private void storeGroup(List<Waiting<T>> group) {
    groupSizes.accept(group.size());
    if (group.size() > 1) {
      try {
        store.together(group.stream().map(Waiting::item).toList());
        group.forEach(Waiting::succeed);
        return;
      } catch (Exception e) {
        LOG.debugf("a group of %d failed, storing each alone: %s", group.size(), e);
      }
    }
    for (Waiting<T> waiting : group) {
      try {
        store.alone(waiting.item());
        waiting.succeed();
      } catch (Exception e) {
        waiting.fail(e);
      }
    }
  }
}
