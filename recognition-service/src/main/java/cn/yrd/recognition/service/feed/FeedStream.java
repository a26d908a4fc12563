package cn.yrd.recognition.service.feed;

import cn.yrd.support.time.BusinessTime;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One subscriber's stream: every entry after its position that passes its filter, in order, then
 * (when it follows) new entries as they are numbered, with a heartbeat whenever it has been quiet.
 * Ends when the client goes away (the next write fails), when it does not follow and has caught up,
 * or when the service stops.
 */
public final class FeedStream implements StreamingOutput {
  /** The two wire forms of the same feed. */
  public enum Format {
    /** One JSON object per line (application/x-ndjson). */
    NDJSON,
    /** Server-Sent Events: the position as the event's id, the kind as its name. */
    SSE
  }

  private static final int BATCH = 500;

  /** The longest a subscriber waits between looks, for entries another instance numbered. */
  private static final Duration LOOK = Duration.ofMillis(250);

  private final FeedStore store;
  private final FeedTail tail;
  private final FeedHead head;
  private final long after;
  private final FeedFilter filter;
  private final boolean follow;
  private final Duration heartbeat;
  private final Format format;

  public FeedStream(
      FeedStore store,
      FeedTail tail,
      FeedHead head,
      long after,
      FeedFilter filter,
      boolean follow,
      Duration heartbeat,
      Format format) {
    this.store = store;
    this.tail = tail;
    this.head = head;
    this.after = after;
    this.filter = filter;
    this.follow = follow;
    this.heartbeat = heartbeat;
    this.format = format;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    try {
      stream(out);
    } catch (SQLException e) {
      throw new IOException("the feed could not be read: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the feed was stopped");
    }
  }

  private void stream(OutputStream out) throws IOException, SQLException, InterruptedException {
    long at = after;
    long quietSince = 0;
    while (!head.closed()) {
      FeedTail.Slice slice = tail.after(at, filter, BATCH);
      if (slice == null) {
        slice = fromTheDatabase(at);
        if (slice == null) {
          // Pruned under a subscriber more than the retention behind: its next request gets 410.
          return;
        }
      }
      if (slice.upTo() > at) {
        List<FeedLine> lines = slice.lines();
        for (FeedLine line : lines) {
          send(out, line);
        }
        at = slice.upTo();
        if (!lines.isEmpty()) {
          out.flush();
          quietSince = System.nanoTime();
          continue;
        }
      }
      if (!follow) {
        out.flush();
        return;
      }
      long quietFor = System.nanoTime() - quietSince;
      if (quietSince == 0 || quietFor >= heartbeat.toNanos()) {
        send(out, at, FeedLines.HEARTBEAT, FeedLines.heartbeat(at, BusinessTime.now()));
        out.flush();
        quietSince = System.nanoTime();
        quietFor = 0;
      }
      Duration untilHeartbeat = heartbeat.minusNanos(quietFor);
      head.awaitBeyond(at, untilHeartbeat.compareTo(LOOK) < 0 ? untilHeartbeat : LOOK);
    }
    out.flush();
  }

  /** A subscriber behind what the tail holds reads the database; null once pruned under it. */
  private FeedTail.Slice fromTheDatabase(long at) throws SQLException {
    FeedStore.Bounds bounds = store.bounds();
    if (bounds.prunedThrough() > at) {
      return null;
    }
    List<FeedRow> rows = store.read(at, bounds.newest(), filter, BATCH);
    return new FeedTail.Slice(
        rows.stream().map(FeedLine::new).toList(),
        rows.size() < BATCH ? bounds.newest() : rows.get(rows.size() - 1).position());
  }

  private void send(OutputStream out, FeedLine line) throws IOException {
    if (format == Format.NDJSON) {
      out.write(line.ndjson());
    } else {
      send(out, line.row.position(), line.row.kind(), line.json);
    }
  }

  private void send(OutputStream out, long position, String kind, String json) throws IOException {
    String text =
        format == Format.NDJSON
            ? json + "\n"
            : "id: " + position + "\nevent: " + kind + "\ndata: " + json + "\n\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
