package cn.yrd.contracts.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 规范形式: the bytes an audit leaf hashes (ADR 0015). One {@code name=value} line per attribute in a
 * fixed order, each value exactly as the audit API serves it (absent: empty), a blank line, then
 * the payload exactly as received. The tiles API serves these bytes as entries, and evidence files
 * carry them.
 */
public record AuditEntry(
    String eventId,
    String type,
    String source,
    String subject,
    String time,
    String province,
    String sequence,
    String topic,
    String payload) {
  private static final List<String> NAMES =
      List.of(
          "ce_id",
          "ce_type",
          "ce_source",
          "ce_subject",
          "ce_time",
          "ce_province",
          "ce_sequence",
          "topic");

  /** The attribute lines and the blank line that ends them: everything before the payload. */
  public static byte[] attributes(
      String eventId,
      String type,
      String source,
      String subject,
      String time,
      String province,
      String sequence,
      String topic) {
    String text =
        "ce_id="
            + orEmpty(eventId)
            + "\nce_type="
            + orEmpty(type)
            + "\nce_source="
            + orEmpty(source)
            + "\nce_subject="
            + orEmpty(subject)
            + "\nce_time="
            + orEmpty(time)
            + "\nce_province="
            + orEmpty(province)
            + "\nce_sequence="
            + orEmpty(sequence)
            + "\ntopic="
            + orEmpty(topic)
            + "\n\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The entry's bytes: its attributes, then the payload's UTF-8 bytes. */
  public byte[] bytes() {
    byte[] head = attributes(eventId, type, source, subject, time, province, sequence, topic);
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /**
   * Reads an entry back; absent values are empty strings. Throws IllegalArgumentException naming
   * what is not in the canonical form.
   */
  public static AuditEntry parse(byte[] bytes) {
    String text = utf8(bytes, "the entry");
    String[] values = new String[NAMES.size()];
    int at = 0;
    for (int i = 0; i < NAMES.size(); i++) {
      int end = text.indexOf('\n', at);
      String prefix = NAMES.get(i) + "=";
      if (end < 0 || !text.startsWith(prefix, at)) {
        throw new IllegalArgumentException("line " + (i + 1) + " of the entry is not " + prefix);
      }
      values[i] = text.substring(at + prefix.length(), end);
      at = end + 1;
    }
    if (!text.startsWith("\n", at)) {
      throw new IllegalArgumentException("the entry's attributes do not end with a blank line");
    }
    return new AuditEntry(
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        values[5],
        values[6],
        values[7],
        text.substring(at + 1));
  }

  /** Strict UTF-8: malformed bytes are an IllegalArgumentException naming {@code what}. */
  public static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not UTF-8");
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
