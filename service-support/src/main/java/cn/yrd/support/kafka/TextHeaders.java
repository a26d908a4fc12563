package cn.yrd.support.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Kafka record headers as UTF-8 text, the way every CloudEvents header of the federation travels.
 */
public final class TextHeaders {
  private TextHeaders() {}

  /** The last value of a header, or null when it is absent or empty. */
  public static String optional(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null || header.value().length == 0
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The last value of a header; a record without it is unreadable. */
  public static String required(Headers headers, String name) {
    String value = optional(headers, name);
    if (value == null) {
      throw new IllegalArgumentException("missing header " + name);
    }
    return value;
  }

  /** Adds a header with a text value. */
  public static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
