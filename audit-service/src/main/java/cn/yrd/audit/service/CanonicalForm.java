package cn.yrd.audit.service;

import cn.yrd.audit.merkle.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The bytes a leaf hashes, rebuilt the same way from a stored row: one {@code name=value} line per
 * attribute in a fixed order (absent values empty; the time as an ISO-8601 UTC instant), a blank
 * line, then the payload exactly as received (UTF-8).
 */
public final class CanonicalForm {
  private CanonicalForm() {}

  /** The attribute lines and the blank line that ends them: everything before the payload. */
  public static byte[] attributes(
      UUID eventId,
      String type,
      String source,
      String subject,
      Instant time,
      String province,
      Long sequence,
      String topic) {
    String text =
        "ce_id="
            + eventId
            + "\n"
            + "ce_type="
            + type
            + "\n"
            + "ce_source="
            + source
            + "\n"
            + "ce_subject="
            + nullToEmpty(subject)
            + "\n"
            + "ce_time="
            + (time == null ? "" : time.toString())
            + "\n"
            + "ce_province="
            + nullToEmpty(province)
            + "\n"
            + "ce_sequence="
            + (sequence == null ? "" : sequence.toString())
            + "\n"
            + "topic="
            + topic
            + "\n"
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The leaf hash of an incoming event: its attributes, then its payload. */
  public static byte[] leafHash(IncomingEvent e) {
    return Hashes.leaf(
        attributes(
            e.eventId(),
            e.type(),
            e.source(),
            e.subject(),
            e.time(),
            e.province(),
            e.sequence(),
            e.topic()),
        e.payload().getBytes(StandardCharsets.UTF_8));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
