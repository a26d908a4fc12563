package cn.yrd.recognition.service.feed;

import cn.yrd.support.problem.BadParameterException;
import cn.yrd.support.problem.ProblemException;

/** Where a subscriber's stream starts: the position it asked to resume after, checked. */
public final class FeedStart {
  private FeedStart() {}

  /**
   * The position to send after: {@code Last-Event-ID} (an SSE client reconnecting), else {@code
   * after}, else the newest (from now on). {@code after=0} is everything the feed still holds; a
   * position the feed has not reached is a 400, one past the retention a 410.
   */
  public static long resolve(Long after, String lastEventId, FeedStore.Bounds bounds) {
    String name = "after";
    Long position = after;
    if (lastEventId != null && !lastEventId.isBlank()) {
      name = "Last-Event-ID";
      try {
        position = Long.parseLong(lastEventId.strip());
      } catch (NumberFormatException e) {
        throw new BadParameterException(name, lastEventId, "a position: a whole number, 0 or more");
      }
    }
    if (position == null) {
      return bounds.newest();
    }
    if (position < 0) {
      throw new BadParameterException(name, position.toString(), "a position: 0 or more");
    }
    if (position > bounds.newest()) {
      throw new BadParameterException(
          name,
          position.toString(),
          "a position the feed has reached (the newest is " + bounds.newest() + ")");
    }
    if (position < bounds.prunedThrough() && position != 0) {
      throw ProblemException.of(
          410,
          "feed-position-expired",
          "Position no longer in the feed",
          "entries up to "
              + bounds.prunedThrough()
              + " are past the retention; take GET /api/v1/snapshot and follow the feed from"
              + " its position");
    }
    return Math.max(position, bounds.prunedThrough());
  }
}
