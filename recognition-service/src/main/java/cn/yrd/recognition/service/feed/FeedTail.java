package cn.yrd.recognition.service.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest numbered entries, in memory, read from the database once for every subscriber: a
 * subscriber that has caught up reads here, so a numbering step costs one query however many follow
 * the feed. It holds a gap-free run of positions ending at the newest it has read, whichever
 * instance numbered them; an older position is read from the database.
 */
@ApplicationScoped
public class FeedTail {
  /** Entries kept: a subscriber this far behind reads from the database until it catches up. */
  static final int CAPACITY = 8_192;

  @Inject FeedStore store;
  @Inject FeedHead head;

  private final FeedLine[] ring = new FeedLine[CAPACITY];
  private long newest = -1;
  private long held;

  /** What a subscriber takes: entries that pass its filter, and the position it has read up to. */
  public record Slice(List<FeedLine> lines, long upTo) {}

  /** Reads what has been numbered since the last refresh and wakes the subscribers waiting. */
  void refresh() throws SQLException {
    long from;
    synchronized (this) {
      if (newest < 0) {
        newest = store.bounds().newest();
      }
      from = newest;
    }
    List<FeedRow> fresh;
    do {
      fresh = store.read(from, Long.MAX_VALUE, FeedFilter.ALL, FeedSequencer.STEP);
      if (!fresh.isEmpty()) {
        append(fresh);
        from = fresh.get(fresh.size() - 1).position();
      }
    } while (fresh.size() == FeedSequencer.STEP);
    head.advanceTo(from);
  }

  /** Renders outside the lock, so subscribers are not kept waiting while it does. */
  private void append(List<FeedRow> rows) {
    List<FeedLine> lines = rows.stream().map(FeedLine::new).toList();
    synchronized (this) {
      for (FeedLine line : lines) {
        ring[(int) (line.row.position() % CAPACITY)] = line;
        newest = line.row.position();
        held = Math.min(CAPACITY, held + 1);
      }
    }
  }

  /**
   * Up to {@code limit} entries after {@code after} that pass the filter; null when {@code after}
   * is older than what is held (read the database instead).
   */
  public synchronized Slice after(long after, FeedFilter filter, int limit) {
    if (newest < 0 || after < newest - held || after > newest) {
      return null;
    }
    List<FeedLine> lines = new ArrayList<>();
    for (long position = after + 1; position <= newest; position++) {
      FeedLine line = ring[(int) (position % CAPACITY)];
      if (filter.passes(line.row)) {
        lines.add(line);
        if (lines.size() == limit) {
          return new Slice(lines, position);
        }
      }
    }
    return new Slice(lines, newest);
  }
}
