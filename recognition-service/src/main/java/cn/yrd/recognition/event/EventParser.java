package cn.yrd.recognition.event;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.UsccValidator;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.recognition.service.view.EventMeta;
import cn.yrd.recognition.service.view.ParsedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a registry record, or says exactly why it cannot be used (it then goes to the DLQ). */
public final class EventParser {
  private final ObjectMapper json;

  public EventParser(ObjectMapper json) {
    this.json = json;
  }

  public ParsedEvent parse(ConsumerRecord<String, byte[]> record) {
    EventMeta meta = EventMeta.from(record.headers());
    if (!EventTypes.topicOf(meta.type()).equals(record.topic())
        || Topics.RECOGNITION.equals(record.topic())) {
      throw new IllegalArgumentException(
          "ce_type " + meta.type() + " does not belong on " + record.topic());
    }
    if (record.value() == null) {
      throw new IllegalArgumentException("empty payload");
    }
    String payload = new String(record.value(), StandardCharsets.UTF_8);
    RegistryEvent event;
    try {
      event = json.readValue(payload, RegistryEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload is not a registry event: " + e.getOriginalMessage());
    }
    var state = event.organization();
    if (state == null
        || state.uscc() == null
        || state.status() == null
        || state.category() == null
        || state.name() == null
        || state.legalRepresentative() == null
        || state.legalRepresentative().personRef() == null) {
      throw new IllegalArgumentException("payload lacks organization fields");
    }
    UsccValidator.check(state.uscc())
        .ifPresent(
            v -> {
              throw new IllegalArgumentException("invalid USCC in payload: " + v.message());
            });
    if (!state.uscc().equals(meta.subject()) || !state.uscc().equals(record.key())) {
      throw new IllegalArgumentException(
          "ce_subject, key and payload name different organizations");
    }
    if (state.province() != meta.province()) {
      throw new IllegalArgumentException(
          "ce_province " + meta.province() + " but the payload says " + state.province());
    }
    return new ParsedEvent(
        meta, event, payload, record.topic(), record.partition(), record.offset());
  }
}
