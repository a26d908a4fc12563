package cn.yrd.recognition.service.view;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.Province;
import cn.yrd.support.kafka.TextHeaders;
import java.util.Arrays;
import java.util.UUID;
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
    String spec = TextHeaders.required(headers, CloudEventHeaders.SPEC_VERSION);
    if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(spec)) {
      throw new IllegalArgumentException("unsupported ce_specversion " + spec);
    }
    UUID id;
    try {
      id = UUID.fromString(TextHeaders.required(headers, CloudEventHeaders.ID));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ce_id is not a UUID");
    }
    String provinceName = TextHeaders.required(headers, CloudEventHeaders.PROVINCE);
    Province province =
        Arrays.stream(Province.values())
            .filter(p -> p.name().equals(provinceName))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown ce_province " + provinceName));
    long sequence;
    try {
      sequence = Long.parseLong(TextHeaders.required(headers, CloudEventHeaders.SEQUENCE));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ce_sequence is not a number");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("ce_sequence starts at 1");
    }
    return new EventMeta(
        id,
        TextHeaders.required(headers, CloudEventHeaders.TYPE),
        TextHeaders.required(headers, CloudEventHeaders.SOURCE),
        TextHeaders.required(headers, CloudEventHeaders.SUBJECT),
        TextHeaders.required(headers, CloudEventHeaders.TIME),
        province,
        sequence);
  }
}
