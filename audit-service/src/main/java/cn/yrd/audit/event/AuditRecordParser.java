package cn.yrd.audit.event;

import cn.yrd.audit.service.IncomingEvent;
import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.Topics;
import cn.yrd.support.kafka.TextHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads any federation event for the log; only what cannot be identified goes to the DLQ. */
public final class AuditRecordParser {
  private final ObjectMapper json;

  public AuditRecordParser(ObjectMapper json) {
    this.json = json;
  }

  public IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
    UUID id;
    try {
      id = UUID.fromString(TextHeaders.required(record.headers(), CloudEventHeaders.ID));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith("missing") ? e.getMessage() : "ce_id is not a UUID");
    }
    if (record.value() == null) {
      throw new IllegalArgumentException("empty payload");
    }
    String payload;
    try {
      payload =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(record.value())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("payload is not UTF-8");
    }
    String sequence = TextHeaders.optional(record.headers(), CloudEventHeaders.SEQUENCE);
    Long seq;
    try {
      seq = sequence == null ? null : Long.valueOf(sequence);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ce_sequence is not a number");
    }
    return new IncomingEvent(
        id,
        record.topic(),
        record.partition(),
        record.offset(),
        TextHeaders.required(record.headers(), CloudEventHeaders.TYPE),
        TextHeaders.required(record.headers(), CloudEventHeaders.SOURCE),
        TextHeaders.optional(record.headers(), CloudEventHeaders.SUBJECT),
        TextHeaders.optional(record.headers(), CloudEventHeaders.PROVINCE),
        seq,
        time(TextHeaders.optional(record.headers(), CloudEventHeaders.TIME)),
        payload,
        Topics.RECOGNITION.equals(record.topic()) ? correlation(payload) : null);
  }

  private String correlation(String payload) {
    try {
      JsonNode id = json.readTree(payload).get("id");
      return id == null ? null : id.asText();
    } catch (Exception e) {
      return null;
    }
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("ce_time is not an RFC 3339 time");
    }
  }
}
