package cn.yrd.recognition.service.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.support.problem.BadParameterException;
import cn.yrd.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a stream starts, for a feed that has pruned through 100 and reached 500. */
class FeedStartTest {
  private static final FeedStore.Bounds BOUNDS = new FeedStore.Bounds(100, 500);

  @ParameterizedTest(name = "after={0}, Last-Event-ID={1} → {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-,   -,   500", // from now on
        "0,   -,   100", // all it still holds
        "100, -,   100",
        "250, -,   250",
        "500, -,   500",
        "250, 300, 300", // a reconnecting EventSource's own id wins over the URL's after
      })
  void startsAfterTheAskedPosition(Long after, String lastEventId, long expected) {
    assertThat(FeedStart.resolve(after, lastEventId, BOUNDS)).isEqualTo(expected);
  }

  @Test
  void refusesAPositionTheFeedHasNotReachedOrCannotRead() {
    assertThatThrownBy(() -> FeedStart.resolve(501L, null, BOUNDS))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("after");
    assertThatThrownBy(() -> FeedStart.resolve(-1L, null, BOUNDS))
        .isInstanceOf(BadParameterException.class);
    assertThatThrownBy(() -> FeedStart.resolve(null, "abc", BOUNDS))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("Last-Event-ID");
  }

  @Test
  void sendsAPositionPastTheRetentionToTheSnapshot() {
    assertThatThrownBy(() -> FeedStart.resolve(null, "42", BOUNDS))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> FeedStart.resolve(99L, null, BOUNDS))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(410);
              assertThat(e.problem().detail()).contains("/api/v1/snapshot");
            });
  }
}
