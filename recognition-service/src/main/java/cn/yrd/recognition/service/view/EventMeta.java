package cn.yrd.recognition.service.view;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.Province;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The CloudEvent attributes of a registry event, read from Kafka headers (binary mode). */
public record EventMeta(
    UUID id,
    String type,
    String source,
    String subject,
    String time,
    Province province,
    long sequence) {

  /** Reads and checks the headers; an {@link IllegalArgumentException} says what is wrong. */
  public static EventMeta from(Headers headers) {
    String spec = required(headers, CloudEventHeaders.SPEC_VERSION);
    if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(spec)) {
      throw new IllegalArgumentException("unsupported ce_specversion " + spec);
    }
    UUID id;
    try {
      id = UUID.fromString(required(headers, CloudEventHeaders.ID));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ce_id is not a UUID");
    }
    String provinceName = required(headers, CloudEventHeaders.PROVINCE);
    Province province =
        Arrays.stream(Province.values())
            .filter(p -> p.name().equals(provinceName))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown ce_province " + provinceName));
    long sequence;
    try {
      sequence = Long.parseLong(required(headers, CloudEventHeaders.SEQUENCE));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ce_sequence is not a number");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("ce_sequence starts at 1");
    }
    return new EventMeta(
        id,
        required(headers, CloudEventHeaders.TYPE),
        required(headers, CloudEventHeaders.SOURCE),
        required(headers, CloudEventHeaders.SUBJECT),
        required(headers, CloudEventHeaders.TIME),
        province,
        sequence);
  }

  private static String required(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null || header.value().length == 0) {
      throw new IllegalArgumentException("missing header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
