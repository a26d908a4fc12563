package cn.yrd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed variants of a valid request body: broken and oversized JSON, wrong types,
 * invalid codes and ID numbers, wrong provinces, injection strings and control characters where a
 * format is required, very long unicode, missing fields, unknown fields and enum values. Every
 * variant must be refused; a seed makes a run repeatable.
 */
final class MalformedRequests {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE organization; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/x}",
          "../../../../etc/passwd",
          "%00",
          "{{7*7}}",
          "\u0000",
          "\u202Eevil",
          "\\u0000");
  private static final List<String> BAD_CODES =
      List.of(
          "",
          "5131011500000421",
          "51310115000004212X",
          "51310115000004212c1",
          "IOZSV0000000000000",
          "00000000000000000000000000",
          "51 310115000004212C",
          "５１３１０１１５０００００４２１２Ｃ");

  private MalformedRequests() {}

  /** At least {@code count} malformed bodies derived from {@code valid}. */
  static List<String> of(JsonNode valid, List<String> required, int count, long seed) {
    Random random = new Random(seed);
    List<String> fields = fieldPaths(valid);
    List<String> bodies = new ArrayList<>();
    int kind = 0;
    while (bodies.size() < count) {
      bodies.add(variant(valid, fields, required, kind++ % 12, random));
    }
    return bodies;
  }

  private static String variant(
      JsonNode valid, List<String> fields, List<String> required, int kind, Random random) {
    String text = valid.toString();
    String field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
    return switch (kind) {
      case 0 -> text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length() - 1))));
      case 1 -> randomBytes(random);
      case 2 ->
          field == null
              ? "[]"
              : replace(valid, field, wrongType(valid.at("/" + field), random)).toString();
      case 3 ->
          required.isEmpty()
              ? "null"
              : remove(valid, required.get(random.nextInt(required.size()))).toString();
      case 4 -> {
        ObjectNode copy = valid.isObject() ? (ObjectNode) valid.deepCopy() : F.objectNode();
        copy.put("unexpected" + random.nextInt(1000), "x");
        yield copy.toString();
      }
      case 5 -> formatted(valid, fields, "uscc", BAD_CODES.get(random.nextInt(BAD_CODES.size())));
      case 6 -> formatted(valid, fields, "idNumber", badIdNumber(random));
      case 7 ->
          formatted(
              valid, fields, "rovince", List.of("XX", "sh", "", "上海", "BJ").get(random.nextInt(5)));
      case 8 ->
          field == null
              ? "{\"a\":\"" + INJECTIONS.get(random.nextInt(INJECTIONS.size())) + "\"}"
              : formattedAny(valid, fields, INJECTIONS.get(random.nextInt(INJECTIONS.size())));
      case 9 -> formattedAny(valid, fields, "2026-01-\u0007" + (char) random.nextInt(32));
      case 10 -> oversized(valid, fields, random);
      default -> formattedAny(valid, fields, "NOT_A_KNOWN_VALUE_" + random.nextInt(100));
    };
  }

  /** A format-constrained field (a code, date, enum, number) given a value that cannot fit. */
  private static String formattedAny(JsonNode valid, List<String> fields, String value) {
    List<String> constrained =
        fields.stream()
            .filter(
                f ->
                    f.endsWith("uscc")
                        || f.endsWith("idNumber")
                        || f.toLowerCase().contains("date")
                        || f.endsWith("On")
                        || f.endsWith("category")
                        || f.endsWith("kind")
                        || f.endsWith("result")
                        || f.endsWith("scope")
                        || f.endsWith("level")
                        || f.endsWith("year")
                        || f.endsWith("Province")
                        || f.endsWith("reasonCode")
                        || f.endsWith("status")
                        || f.endsWith("decision"))
            .toList();
    if (constrained.isEmpty()) {
      return "{\"\u0000\":" + F.textNode(value) + "";
    }
    return replace(
            valid,
            constrained.get(Math.abs(value.hashCode()) % constrained.size()),
            F.textNode(value))
        .toString();
  }

  private static String formatted(
      JsonNode valid, List<String> fields, String suffix, String value) {
    return fields.stream()
        .filter(f -> f.endsWith(suffix))
        .findFirst()
        .map(f -> replace(valid, f, F.textNode(value)).toString())
        .orElseGet(() -> formattedAny(valid, fields, value));
  }

  /** Wrong length, a bad date, or a valid number with its check character changed. */
  private static String badIdNumber(Random random) {
    String valid =
        cn.yrd.contracts.ResidentIdNumber.compose(
            "310115", java.time.LocalDate.of(1960 + random.nextInt(40), 1, 1), random.nextInt(999));
    char check = valid.charAt(17);
    return switch (random.nextInt(4)) {
      case 0 -> valid.substring(0, 17) + (check == '0' ? '1' : '0');
      case 1 -> valid.substring(0, 16);
      case 2 -> valid.substring(0, 10) + "1399" + valid.substring(14);
      default -> valid + "0";
    };
  }

  /** Very long unicode in a text field, or a deeply nested document. */
  private static String oversized(JsonNode valid, List<String> fields, Random random) {
    if (random.nextBoolean() && !fields.isEmpty()) {
      String huge = "𠀀长".repeat(60_000 + random.nextInt(1000));
      return replace(valid, fields.get(random.nextInt(fields.size())), F.textNode(huge)).toString();
    }
    return "[".repeat(5_000) + "]".repeat(5_000);
  }

  private static String randomBytes(Random random) {
    StringBuilder b = new StringBuilder();
    int length = 1 + random.nextInt(200);
    for (int i = 0; i < length; i++) {
      b.append((char) random.nextInt(0x3000));
    }
    return b.toString();
  }

  /** A value of another JSON type than {@code original} (never null: that may be allowed). */
  private static JsonNode wrongType(JsonNode original, Random random) {
    List<JsonNode> candidates = new ArrayList<>();
    if (!original.isNumber()) {
      candidates.add(F.numberNode(random.nextInt()));
    }
    if (!original.isTextual()) {
      candidates.add(F.textNode("text" + random.nextInt(100)));
    }
    if (!original.isBoolean()) {
      candidates.add(F.booleanNode(true));
    }
    candidates.add(F.arrayNode().add("x"));
    candidates.add(F.objectNode().put("x", 1));
    return candidates.get(random.nextInt(candidates.size()));
  }

  private static List<String> fieldPaths(JsonNode node) {
    List<String> paths = new ArrayList<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String prefix, List<String> paths) {
    if (!node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      if (node.get(name).isObject()) {
        collect(node.get(name), path, paths);
      } else {
        paths.add(path);
      }
    }
  }

  private static JsonNode replace(JsonNode valid, String path, JsonNode value) {
    JsonNode copy = valid.deepCopy();
    ObjectNode parent = parent(copy, path);
    parent.set(path.substring(path.lastIndexOf('/') + 1), value);
    return copy;
  }

  private static JsonNode remove(JsonNode valid, String path) {
    JsonNode copy = valid.deepCopy();
    parent(copy, path).remove(path.substring(path.lastIndexOf('/') + 1));
    return copy;
  }

  private static ObjectNode parent(JsonNode root, String path) {
    JsonNode node = root;
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.get(parts[i]);
    }
    return (ObjectNode) node;
  }
}
