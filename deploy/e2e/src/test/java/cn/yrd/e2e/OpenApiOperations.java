package cn.yrd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations a service's live OpenAPI document declares, with the roles its security
 * requirement names and an example request body built from the schema's examples, so that tests
 * driven by it cannot miss an endpoint.
 */
final class OpenApiOperations {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One operation. {@code roles} is empty for an operation open to anyone. */
  record Operation(
      String method,
      String path,
      String operationId,
      boolean secured,
      List<String> roles,
      String contentType,
      JsonNode exampleBody,
      List<String> requiredFields) {
    boolean writes() {
      return !method.equals("GET");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private OpenApiOperations() {}

  static List<Operation> of(String serviceUrl) {
    try {
      JsonNode doc = JSON.readTree(Http.get(serviceUrl + "/q/openapi?format=json", null));
      List<Operation> operations = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
      while (paths.hasNext()) {
        Map.Entry<String, JsonNode> path = paths.next();
        Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
        while (methods.hasNext()) {
          Map.Entry<String, JsonNode> method = methods.next();
          JsonNode op = method.getValue();
          if (!op.has("responses")) {
            continue;
          }
          List<String> roles = new ArrayList<>();
          boolean secured = false;
          for (JsonNode requirement : op.path("security")) {
            Iterator<Map.Entry<String, JsonNode>> schemes = requirement.fields();
            while (schemes.hasNext()) {
              secured = true;
              schemes.next().getValue().forEach(r -> roles.add(r.asText()));
            }
          }
          JsonNode content = op.path("requestBody").path("content");
          String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
          JsonNode schema = content.path(contentType == null ? "" : contentType).path("schema");
          JsonNode example = contentType == null ? null : example(doc, schema, new HashSet<>());
          List<String> required = new ArrayList<>();
          JsonNode resolved =
              schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
          resolved.path("required").forEach(r -> required.add(r.asText()));
          operations.add(
              new Operation(
                  method.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  op.path("operationId").asText(method.getKey() + " " + path.getKey()),
                  secured,
                  roles,
                  contentType,
                  example,
                  required));
        }
      }
      return operations;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A value that fits the schema, from its examples where it has them. */
  static JsonNode example(JsonNode doc, JsonNode schema, Set<String> seen) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!seen.add(ref)) {
        return f.nullNode();
      }
      JsonNode resolved = doc.at(ref.substring(1));
      JsonNode value = example(doc, resolved, seen);
      seen.remove(ref);
      return value;
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.has(combinator)) {
        return example(doc, schema.get(combinator).get(0), seen);
      }
    }
    String type = schema.path("type").asText("object");
    switch (type) {
      case "object" -> {
        ObjectNode object = f.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
          Map.Entry<String, JsonNode> p = properties.next();
          JsonNode value = example(doc, p.getValue(), seen);
          if (!value.isNull()) {
            object.set(p.getKey(), value);
          }
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = f.arrayNode();
        array.add(example(doc, schema.path("items"), seen));
        return array;
      }
      case "integer" -> {
        return f.numberNode(1);
      }
      case "number" -> {
        return f.numberNode(100_000);
      }
      case "boolean" -> {
        return f.booleanNode(false);
      }
      default -> {
        String format = schema.path("format").asText("");
        return f.textNode(
            switch (format) {
              case "date" -> "2026-01-20";
              case "date-time" -> "2026-01-20T10:00:00+08:00";
              case "uuid" -> "00000000-0000-4000-8000-000000000000";
              default -> "示例";
            });
      }
    }
  }
}
