package cn.yrd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads every record on the federation's topics and validates it against {@code
 * event-contracts/asyncapi.yaml}: the channel's message (chosen by its ce_type enum), its headers,
 * its Kafka key binding and its payload.
 */
final class AsyncApiRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** How many records were read per topic, and what broke the document. */
  record Report(Map<String, Integer> recordsPerTopic, List<String> violations) {}

  private final JsonNode doc;
  private final Map<String, Schema> compiled = new HashMap<>();

  private AsyncApiRecords(JsonNode doc) {
    this.doc = doc;
  }

  static Report validateAll(Path root, String bootstrapServers) {
    try {
      Object yaml =
          new Yaml().load(Files.readString(root.resolve("event-contracts/asyncapi.yaml")));
      return new AsyncApiRecords(JSON.valueToTree(yaml)).validate(bootstrapServers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Report validate(String bootstrapServers) {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      Iterator<Map.Entry<String, JsonNode>> channels = doc.path("channels").fields();
      while (channels.hasNext()) {
        JsonNode channel = channels.next().getValue();
        String topic = channel.path("address").asText();
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
          partitions.add(new TopicPartition(topic, p.partition()));
        }
        if (partitions.isEmpty()) {
          violations.add(topic + ": the channel's topic does not exist on the broker");
          continue;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int read = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
            && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            read++;
            check(channel, record, violations);
          }
        }
        counts.put(topic, read);
      }
    }
    return new Report(counts, violations);
  }

  private void check(JsonNode channel, ConsumerRecord<String, byte[]> record, List<String> out) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    Map<String, String> headerMap = new TreeMap<>();
    for (Header h : record.headers()) {
      headerMap.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    JsonNode headers = JSON.valueToTree(headerMap);
    JsonNode message = null;
    for (JsonNode ref : channel.path("messages")) {
      JsonNode candidate = resolve(ref);
      JsonNode types =
          resolve(candidate.path("headers")).path("properties").path("ce_type").path("enum");
      boolean typed = types.isArray() && types.size() > 0;
      if (!typed || contains(types, headerMap.get("ce_type"))) {
        message = candidate;
        break;
      }
    }
    if (message == null) {
      out.add(where + ": no message of the channel declares ce_type " + headerMap.get("ce_type"));
      return;
    }
    validate(where + " headers", message.path("headers"), headers, out);
    validate(
        where + " key",
        message.path("bindings").path("kafka").path("key"),
        JSON.getNodeFactory().textNode(record.key()),
        out);
    if (!"application/octet-stream".equals(message.path("contentType").asText())) {
      try {
        validate(where + " payload", message.path("payload"), JSON.readTree(record.value()), out);
      } catch (IOException e) {
        out.add(where + " payload: not JSON: " + e.getMessage());
      }
    }
  }

  private void validate(String where, JsonNode schema, JsonNode value, List<String> out) {
    Schema compiledSchema =
        compiled.computeIfAbsent(
            schema.toString(),
            k -> {
              ObjectNode root = schema.deepCopy();
              root.set("components", doc.path("components"));
              return SCHEMAS.getSchema(root);
            });
    for (Error error : compiledSchema.validate(value)) {
      out.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return node;
    }
    JsonNode target = doc;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  private static boolean contains(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
