package cn.yrd.contracts.tlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A C2SP tlog-policy: the logs whose checkpoints are accepted, the witnesses by name, and the
 * quorum of them (through groups) a checkpoint must be cosigned by.
 */
public final class WitnessPolicy {
  private static final String NONE = "none";

  private final List<VerifierKey> logs;
  private final Map<String, VerifierKey> witnesses;
  private final Map<String, Group> groups;
  private final String quorum;

  private record Group(int threshold, List<String> members) {}

  private WitnessPolicy(
      List<VerifierKey> logs,
      Map<String, VerifierKey> witnesses,
      Map<String, Group> groups,
      String quorum) {
    this.logs = List.copyOf(logs);
    this.witnesses = Map.copyOf(witnesses);
    this.groups = Map.copyOf(groups);
    this.quorum = quorum;
  }

  /** Reads a policy; throws IllegalArgumentException naming the line that breaks the format. */
  public static WitnessPolicy parse(String text) {
    List<VerifierKey> logs = new ArrayList<>();
    Map<String, VerifierKey> witnesses = new LinkedHashMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    String quorum = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] items = line.split("[ \t]+");
      try {
        switch (items[0]) {
          case "log" -> logs.add(key(items, 1, 3));
          case "witness" -> {
            String name = newName(items, witnesses, groups);
            witnesses.put(name, key(items, 2, 4));
          }
          case "group" -> {
            String name = newName(items, witnesses, groups);
            groups.put(name, group(items, witnesses, groups));
          }
          case "quorum" -> {
            if (quorum != null || items.length != 2) {
              throw new IllegalArgumentException("a policy has exactly one quorum <name> line");
            }
            quorum = items[1];
            if (!NONE.equals(quorum) && !known(quorum, witnesses, groups)) {
              throw new IllegalArgumentException("the quorum names no earlier witness or group");
            }
          }
          default -> throw new IllegalArgumentException("unknown keyword " + items[0]);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("policy line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (quorum == null) {
      throw new IllegalArgumentException("the policy has no quorum line");
    }
    return new WitnessPolicy(logs, witnesses, groups, quorum);
  }

  /** The policy's log for a checkpoint origin: the log key whose name is the origin. */
  public List<VerifierKey> logsNamed(String origin) {
    return logs.stream().filter(k -> k.name().equals(origin)).toList();
  }

  /** Witnesses by their policy name. */
  public Map<String, VerifierKey> witnesses() {
    return witnesses;
  }

  /** Whether the named witnesses' cosignatures satisfy the quorum. */
  public boolean satisfiedBy(Set<String> cosigned) {
    return NONE.equals(quorum) || witnessed(quorum, cosigned);
  }

  /** The quorum in words, for a report: {@code none}, or each group's threshold. */
  public String quorumDescription() {
    return NONE.equals(quorum) ? "none" : describe(quorum);
  }

  private boolean witnessed(String name, Set<String> cosigned) {
    Group group = groups.get(name);
    if (group == null) {
      return cosigned.contains(name);
    }
    long count = group.members().stream().filter(m -> witnessed(m, cosigned)).count();
    return count >= group.threshold();
  }

  private String describe(String name) {
    Group group = groups.get(name);
    if (group == null) {
      return name;
    }
    return group.threshold()
        + " of ("
        + String.join(", ", group.members().stream().map(this::describe).toList())
        + ")";
  }

  private static VerifierKey key(String[] items, int at, int maxItems) {
    if (items.length <= at || items.length > maxItems) {
      throw new IllegalArgumentException("expected " + items[0] + " … <vkey> [<url>]");
    }
    return VerifierKey.parse(items[at]);
  }

  private static String newName(
      String[] items, Map<String, VerifierKey> witnesses, Map<String, Group> groups) {
    if (items.length < 3) {
      throw new IllegalArgumentException("expected " + items[0] + " <name> …");
    }
    String name = items[1];
    if (NONE.equals(name) || known(name, witnesses, groups)) {
      throw new IllegalArgumentException(name + " is already defined");
    }
    return name;
  }

  private static Group group(
      String[] items, Map<String, VerifierKey> witnesses, Map<String, Group> groups) {
    List<String> members = List.of(items).subList(3, items.length);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a group has at least one member");
    }
    for (String member : members) {
      if (!known(member, witnesses, groups)) {
        throw new IllegalArgumentException(member + " is not an earlier witness or group");
      }
    }
    int threshold =
        switch (items[2]) {
          case "all" -> members.size();
          case "any" -> 1;
          default -> {
            if (!items[2].matches("[1-9][0-9]{0,3}")
                || Integer.parseInt(items[2]) > members.size()) {
              throw new IllegalArgumentException("the threshold is all, any or 1 ≤ k ≤ n");
            }
            yield Integer.parseInt(items[2]);
          }
        };
    return new Group(threshold, members);
  }

  private static boolean known(
      String name, Map<String, VerifierKey> witnesses, Map<String, Group> groups) {
    return witnesses.containsKey(name) || groups.containsKey(name);
  }
}
