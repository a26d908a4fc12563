package cn.yrd.conformance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a case file ({@code conformance/cases/*.yaml}): a rule ID and its cases. Anything it cannot
 * run is refused with the file, the line and what is wrong.
 */
public final class CaseFile {
  static final Pattern RULE_ID = Pattern.compile("R-[A-Z]+-\\d{2}");

  private final Path file;

  private CaseFile(Path file) {
    this.file = file;
  }

  /** Every case of every {@code *.yaml} file in a folder, in file order. */
  public static List<Case> readAll(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Case> cases = new ArrayList<>();
      files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .forEach(f -> cases.addAll(read(f)));
      return cases;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the case folder " + folder, e);
    }
  }

  public static List<Case> read(Path file) {
    return new CaseFile(file).parse();
  }

  private List<Case> parse() {
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml().compose(reader);
    } catch (MarkedYAMLException e) {
      throw new CaseFileException(
          file, e.getProblemMark().getLine() + 1, "not YAML: " + e.getProblem());
    } catch (IOException e) {
      throw new CaseFileException(file, 0, "cannot read: " + e.getMessage());
    }
    if (root == null) {
      throw new CaseFileException(file, 1, "empty file");
    }
    Map<String, Node> top = mapping(root, "the file", List.of("rule", "cases"), List.of());
    String rule = scalar(top.get("rule"), "rule");
    if (!RULE_ID.matcher(rule).matches()) {
      throw error(top.get("rule"), "rule '" + rule + "' is not a rule ID like R-CONFLICT-06");
    }
    Node casesNode = top.get("cases");
    if (!(casesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
      throw error(casesNode, "cases must be a non-empty list");
    }
    List<Case> cases = new ArrayList<>();
    for (Node node : list.getValue()) {
      cases.add(parseCase(rule, node));
    }
    return cases;
  }

  private Case parseCase(String rule, Node node) {
    Map<String, Node> fields =
        mapping(node, "a case", List.of("name", "outcome", "steps"), List.of("persons"));
    String name = scalar(fields.get("name"), "name");
    String outcome = scalar(fields.get("outcome"), "outcome");
    if (!outcome.equals("positive") && !outcome.equals("negative")) {
      throw error(fields.get("outcome"), "outcome must be positive or negative, not " + outcome);
    }
    Map<String, Map<String, String>> persons = new LinkedHashMap<>();
    if (fields.containsKey("persons")) {
      mapping(fields.get("persons"), "persons", List.of(), null)
          .forEach(
              (symbol, spec) ->
                  persons.put(
                      symbol, scalars(spec, "person " + symbol, List.of("born", "region"))));
    }
    Node stepsNode = fields.get("steps");
    if (!(stepsNode instanceof SequenceNode steps) || steps.getValue().isEmpty()) {
      throw error(stepsNode, "steps must be a non-empty list");
    }
    List<Step> parsed = new ArrayList<>();
    for (Node step : steps.getValue()) {
      parsed.add(parseStep(step));
    }
    return new Case(file, line(node), rule, name, outcome.equals("positive"), persons, parsed);
  }

  private Step parseStep(Node node) {
    if (!(node instanceof MappingNode m) || m.getValue().size() != 1) {
      throw error(
          node, "a step is one verb with its arguments, e.g. '- revoke: {org: a, date: D}'");
    }
    NodeTuple only = m.getValue().get(0);
    String verb = scalar(only.getKeyNode(), "a verb");
    Verbs.Shape shape = Verbs.SHAPES.get(verb);
    if (shape == null) {
      throw error(
          only.getKeyNode(), "unknown step '" + verb + "'; known: " + Verbs.SHAPES.keySet());
    }
    Map<String, String> args;
    if (verb.equals("day")) {
      args = Map.of("date", scalar(only.getValueNode(), "day"));
    } else {
      List<String> allowed = new ArrayList<>(shape.required());
      allowed.addAll(shape.optional());
      if (shape.write()) {
        allowed.add("refused");
      }
      args = scalars(only.getValueNode(), verb, allowed);
      for (String required : shape.required()) {
        if (!args.containsKey(required)) {
          throw error(only.getValueNode(), verb + " needs '" + required + "'");
        }
      }
      if (verb.equals("expectConflict")
          && args.containsKey("org") == args.containsKey("province")) {
        throw error(only.getValueNode(), "expectConflict names either an org or a province");
      }
    }
    String refused = args.get("refused");
    if (refused != null && !RULE_ID.matcher(refused).matches()) {
      throw error(only.getValueNode(), "refused must name a rule ID, not '" + refused + "'");
    }
    Map<String, String> withoutRefusal = new LinkedHashMap<>(args);
    withoutRefusal.remove("refused");
    for (Map.Entry<String, String> arg : withoutRefusal.entrySet()) {
      checkValue(only.getValueNode(), arg.getKey(), arg.getValue());
    }
    return new Step(line(node), verb, withoutRefusal, refused);
  }

  /** Dates, years and enumerations are checked here, so a typo fails before anything runs. */
  private void checkValue(Node at, String key, String value) {
    try {
      switch (key) {
        case "date", "established", "stopUntil", "gradeExpires" -> Dates.check(value);
        case "year" -> Dates.checkYear(value);
        case "sequence" -> {
          if (!java.util.Set.of("old", "gap", "fill").contains(value)) {
            throw new IllegalArgumentException("is old, gap or fill");
          }
        }
        case "province", "host", "home", "by", "transferFrom", "to", "issuedIn" ->
            cn.yrd.contracts.Province.valueOf(value);
        default -> {}
      }
    } catch (IllegalArgumentException e) {
      throw error(at, key + ": " + e.getMessage());
    }
  }

  private Map<String, Node> mapping(
      Node node, String what, List<String> required, List<String> optional) {
    if (!(node instanceof MappingNode m)) {
      throw error(node, what + " must be a mapping");
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : m.getValue()) {
      String key = scalar(tuple.getKeyNode(), "a key");
      if (optional != null && !required.contains(key) && !optional.contains(key)) {
        throw error(tuple.getKeyNode(), "unknown field '" + key + "' in " + what);
      }
      if (fields.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), "'" + key + "' appears twice in " + what);
      }
    }
    for (String key : required) {
      if (!fields.containsKey(key)) {
        throw error(node, what + " needs '" + key + "'");
      }
    }
    return fields;
  }

  private Map<String, String> scalars(Node node, String what, List<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    mapping(node, what, List.of(), allowed)
        .forEach((key, value) -> values.put(key, scalar(value, key)));
    return values;
  }

  private String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      throw error(node, what + " must be a plain value");
    }
    return s.getValue().strip();
  }

  private CaseFileException error(Node node, String problem) {
    return new CaseFileException(file, line(node), problem);
  }

  private static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
