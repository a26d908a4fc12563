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
            + nullToEmpty(time(time))
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

  /**
   * The time as the leaf hashes it and the API serves it: {@link Instant#toString()} (ISO_INSTANT:
   * UTC, seconds always, the fraction in groups of three digits); null when absent.
   */
  public static String time(Instant time) {
    return time == null ? null : time.toString();
  }

  /** The leaf hash of an incoming event. */
  public static byte[] leafHash(IncomingEvent e) {
    return leafHash(
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

  /** The leaf hash of a canonical form: its {@link #attributes}, then the payload's UTF-8 bytes. */
  public static byte[] leafHash(byte[] attributes, byte[] payload) {
    return Hashes.leaf(attributes, payload);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
