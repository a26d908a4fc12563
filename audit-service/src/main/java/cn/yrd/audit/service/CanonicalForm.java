package cn.yrd.audit.service;

import cn.yrd.audit.merkle.Hashes;
import cn.yrd.contracts.tlog.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The bytes a leaf hashes ({@link AuditEntry}), rebuilt the same way from a stored row; the time as
 * an ISO-8601 UTC instant.
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
    return AuditEntry.attributes(
        eventId.toString(),
        type,
        source,
        subject,
        time(time),
        province,
        sequence == null ? null : sequence.toString(),
        topic);
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
}
