package cn.yrd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects, with {@code -Dyrd.examples.capture=<dir>}, the first request and response the tests
 * exchanged for each operation, status and media type, and writes them as {@code
 * <dir>/<service>.json} in the shape of a service's {@code META-INF/yrd/openapi-examples.json}
 * (arrays cut to two items). A person reviews them and copies them into the service; off by
 * default.
 */
final class ExampleCapture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIR = System.getProperty("yrd.examples.capture", "");

  /** service → operationId → {"request": {media: example}, "responses": {status: {media: …}}}. */
  private static final Map<String, Map<String, ObjectNode>> CAPTURED = new ConcurrentHashMap<>();

  private ExampleCapture() {}

  static boolean enabled() {
    return !DIR.isEmpty();
  }

  static void exchange(
      String service,
      String operationId,
      String requestType,
      String requestBody,
      int status,
      String responseType,
      String responseBody) {
    if (!enabled() || operationId.isEmpty()) {
      return;
    }
    ObjectNode operation =
        CAPTURED
            .computeIfAbsent(service, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(operationId, id -> JSON.createObjectNode());
    synchronized (operation) {
      boolean success = status >= 200 && status < 300;
      if (success && requestType != null && requestBody != null && !requestBody.isEmpty()) {
        ObjectNode request = operation.with("request");
        if (!request.has(requestType)) {
          request.set(requestType, value(requestType, requestBody));
        }
      }
      if (responseType != null && responseBody != null && !responseBody.isEmpty()) {
        ObjectNode byType = operation.with("responses").with(Integer.toString(status));
        if (!byType.has(responseType)) {
          byType.set(responseType, value(responseType, responseBody));
        }
      }
    }
  }

  /** Writes what was captured; a later run adds only what earlier ones did not see. */
  static void write() {
    if (!enabled()) {
      return;
    }
    try {
      Files.createDirectories(Path.of(DIR));
      for (Map.Entry<String, Map<String, ObjectNode>> service : CAPTURED.entrySet()) {
        Path file = Path.of(DIR, service.getKey() + ".json");
        ObjectNode all =
            Files.exists(file)
                ? (ObjectNode) JSON.readTree(file.toFile())
                : JSON.createObjectNode();
        new TreeMap<>(service.getValue()).forEach((id, captured) -> merge(all.with(id), captured));
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
      }
      CAPTURED.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode into, JsonNode from) {
    from.fields()
        .forEachRemaining(
            field -> {
              if (!into.has(field.getKey())) {
                into.set(field.getKey(), field.getValue());
              } else if (field.getValue().isObject() && into.get(field.getKey()).isObject()) {
                merge((ObjectNode) into.get(field.getKey()), field.getValue());
              }
            });
  }

  private static JsonNode value(String mediaType, String body) {
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      return JSON.getNodeFactory().textNode(body);
    }
    try {
      return shortened(JSON.readTree(body));
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  /** Arrays keep their first two items: an example shows the shape, not a whole page. */
  private static JsonNode shortened(JsonNode node) {
    if (node.isArray()) {
      ArrayNode cut = JSON.createArrayNode();
      for (int i = 0; i < Math.min(2, node.size()); i++) {
        cut.add(shortened(node.get(i)));
      }
      return cut;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), shortened(f.getValue())));
      return copy;
    }
    return node;
  }
}
