package cn.yrd.recognition.service.feed;

import java.nio.charset.StandardCharsets;

/**
 * A numbered entry rendered as the feed sends it, once: every subscriber that reads it from the
 * {@link FeedTail} sends the same JSON, and in NDJSON the same bytes.
 */
final class FeedLine {
  final FeedRow row;
  final String json;
  private volatile byte[] ndjson;

  FeedLine(FeedRow row) {
    this.row = row;
    this.json = FeedLines.entry(row);
  }

  /** The NDJSON line, its newline included. */
  byte[] ndjson() {
    byte[] bytes = ndjson;
    if (bytes == null) {
      bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
      ndjson = bytes;
    }
    return bytes;
  }
}
