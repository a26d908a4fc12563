package cn.yrd.registry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queueing, grouping and stopping of {@link GroupCommitter}, with an in-memory store. */
class GroupCommitterTest {
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  /** Stores into a list; the first call waits until {@link #release} opens. */
  private static final class HeldStore implements GroupCommitter.Store<String> {
    final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void together(List<String> group) throws Exception {
      holdFirstCall();
      if (group.stream().anyMatch(item -> item.startsWith("bad"))) {
        throw new IllegalStateException("a clash inside the group");
      }
      stored.addAll(group);
    }

    @Override
    public void alone(String item) throws Exception {
      holdFirstCall();
      if (item.startsWith("bad")) {
        throw new IllegalStateException("clash: " + item);
      }
      stored.add(item);
    }

    private void holdFirstCall() throws InterruptedException {
      if (holding.getCount() > 0) {
        holding.countDown();
        assertThat(release.await(30, TimeUnit.SECONDS)).as("released").isTrue();
      }
    }
  }

  @Test
  void storesEveryRegistrationQueuedBeforeItStops() throws Exception {
    HeldStore store = new HeldStore();
    GroupCommitter<String> committer = new GroupCommitter<>("test", 1, 4, store, size -> {});
    committer.start();
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    answers.add(committer.submit("first", Runnable::run).toCompletableFuture());
    assertThat(store.holding.await(10, TimeUnit.SECONDS)).as("the writer took the first").isTrue();
    for (int i = 0; i < 10; i++) {
      answers.add(committer.submit("queued-" + i, Runnable::run).toCompletableFuture());
    }

    Thread stopping = new Thread(() -> stop(committer));
    stopping.start();
    // Release the writer only once stop() is waiting for it, so it finds the queue after the stop.
    while (stopping.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    store.release.countDown();
    stopping.join();

    for (CompletableFuture<Void> answer : answers) {
      assertThat(answer).as("answered by the time stop returns").isCompleted();
      answer.get();
    }
    assertThat(store.stored).hasSize(11).contains("first", "queued-0", "queued-9");
  }

  @Test
  void refusesARegistrationSubmittedAfterItStopped() throws Exception {
    GroupCommitter<String> committer =
        new GroupCommitter<>("test", 2, 4, new HeldStore(), size -> {});
    committer.start();
    committer.stop(STOP_WAIT);

    CompletableFuture<Void> late = committer.submit("late", Runnable::run).toCompletableFuture();

    assertThat(late).isCompletedExceptionally();
    assertThatThrownBy(late::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopping");
  }

  @Test
  void aGroupThatFailsIsStoredItemByItemSoEachCallerGetsItsOwnAnswer() throws Exception {
    HeldStore store = new HeldStore();
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    GroupCommitter<String> committer = new GroupCommitter<>("test", 1, 8, store, sizes::add);
    committer.start();
    CompletableFuture<Void> first = committer.submit("first", Runnable::run).toCompletableFuture();
    assertThat(store.holding.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> good = committer.submit("good", Runnable::run).toCompletableFuture();
    CompletableFuture<Void> bad = committer.submit("bad", Runnable::run).toCompletableFuture();
    CompletableFuture<Void> other = committer.submit("other", Runnable::run).toCompletableFuture();
    store.release.countDown();

    first.get(10, TimeUnit.SECONDS);
    good.get(10, TimeUnit.SECONDS);
    other.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasMessageContaining("clash: bad");
    committer.stop(STOP_WAIT);

    assertThat(sizes).as("the three queued behind the first went as one group").contains(3);
    assertThat(store.stored).containsExactlyInAnyOrder("first", "good", "other");
  }

  private static void stop(GroupCommitter<String> committer) {
    try {
      committer.stop(STOP_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
