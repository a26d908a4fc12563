package cn.yrd.registry.service.clearance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The federation's answer about an intended registration (登记前核查, level 1), or why there is none.
 *
 * @param outcome CLEAR, WOULD_CONFLICT or INSUFFICIENT_DATA; NOT_ASKED when no URL is configured,
 *     UNAVAILABLE when the recognition service did not answer in time
 * @param detailsUrl for WOULD_CONFLICT: where a registrar of this province reads the details
 */
public record ClearanceCheck(
    String outcome, List<Finding> findings, List<String> missing, URI detailsUrl, String reason) {

  /** A finding: the rule it breaks and how serious it is. */
  public record Finding(String type, String ruleId, String severity) {}

  public static ClearanceCheck notAsked() {
    return new ClearanceCheck("NOT_ASKED", List.of(), List.of(), null, null);
  }

  public static ClearanceCheck unavailable(String reason) {
    return new ClearanceCheck("UNAVAILABLE", List.of(), List.of(), null, reason);
  }

  public boolean wouldRaiseHigh() {
    return findings.stream().anyMatch(f -> "HIGH".equals(f.severity()));
  }

  /** The findings as the rules name them: {@code R-CONFLICT-04 LEGAL_REP_CONCURRENT (HIGH)}. */
  public String findingsText() {
    return String.join(
        ", ",
        findings.stream()
            .map(f -> f.ruleId() + " " + f.type() + " (" + f.severity() + ")")
            .toList());
  }

  /** What the 201 carries about the check. */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    switch (outcome) {
      case "WOULD_CONFLICT" ->
          warnings.add(
              "登记前核查 clearance: WOULD_CONFLICT "
                  + findingsText()
                  + "; details for a registrar of this province: "
                  + detailsUrl);
      case "INSUFFICIENT_DATA" ->
          warnings.add("登记前核查 clearance: INSUFFICIENT_DATA (" + String.join("; ", missing) + ")");
      case "UNAVAILABLE" ->
          warnings.add(
              "登记前核查 clearance: not checked, the federation did not answer (" + reason + ")");
      default -> {
        // CLEAR and NOT_ASKED need no word.
      }
    }
    return warnings;
  }
}
