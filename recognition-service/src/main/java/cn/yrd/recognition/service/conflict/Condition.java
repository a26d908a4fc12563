package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A conflict condition that holds now.
 *
 * @param ruleId the rulebook's ID of the rule that found it (docs/rules.md)
 * @param key identifies the condition: one open conflict per key
 * @param usccs the organizations involved, sorted
 * @param provinces the provinces involved, sorted
 * @param evidence field values that show the condition, led by the rule ID
 */
public record Condition(
    ConflictType type,
    String ruleId,
    Severity severity,
    String key,
    List<String> usccs,
    List<String> provinces,
    Map<String, Object> evidence) {

  public Condition {
    usccs = List.copyOf(new TreeSet<>(usccs));
    provinces = List.copyOf(new TreeSet<>(provinces));
    Map<String, Object> withRule = new LinkedHashMap<>();
    withRule.put("ruleId", ruleId);
    withRule.putAll(evidence);
    evidence = withRule;
  }

  /** What a dismissal is bound to: the same organizations in the same provinces. */
  public String fingerprint() {
    return type + "|" + String.join(",", usccs) + "|" + String.join(",", provinces);
  }
}
