package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.Recognition;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 对账: recomputes every conflict condition from the whole consolidated view, with the same rules the
 * incremental path uses, and reports where the open conflicts differ. It changes nothing.
 */
@ApplicationScoped
public class Reconciler {
  @Inject ScopeEvaluator scopes;
  @Inject RecognitionConfig config;

  /** The outcome: how many conditions hold, and the keys that differ. */
  public record Report(
      boolean agrees,
      int conditionsHolding,
      int openConflicts,
      List<String> missing,
      List<String> unexpected,
      List<String> differentEvidence) {

    static Report of(
        int holding,
        int open,
        List<String> missing,
        List<String> unexpected,
        List<String> different) {
      boolean agrees = missing.isEmpty() && unexpected.isEmpty() && different.isEmpty();
      return new Report(agrees, holding, open, missing, unexpected, different);
    }
  }

  @Transactional
  public Report run() {
    List<OrgSnapshot> all = OrgRecord.<OrgRecord>listAll().stream().map(OrgSnapshot::of).toList();
    Set<Uscc> live =
        Recognition.<Recognition>list("status in ?1", ScopeEvaluator.liveStatuses()).stream()
            .map(r -> Uscc.parse(r.uscc))
            .collect(Collectors.toSet());
    Map<String, Condition> expected = new HashMap<>();
    var today = BusinessTime.today();
    group(all, OrgSnapshot::uscc)
        .forEach(
            (uscc, records) ->
                add(
                    expected,
                    ConflictRules.forOrganization(uscc, records, live.contains(uscc), today)));
    group(all, OrgSnapshot::normalizedName)
        .forEach(
            (name, records) ->
                ConflictRules.forName(name, records).ifPresent(c -> expected.put(c.key(), c)));
    group(all, OrgSnapshot::personRef)
        .forEach(
            (person, records) ->
                add(
                    expected,
                    ConflictRules.forPerson(person, records, today, config.legalRepBarYears())));
    for (Province province : Province.values()) {
      add(expected, scopes.sequenceConditions(province));
    }

    Map<String, Conflict> open = new HashMap<>();
    Conflict.<Conflict>list(
            "status in ?1", List.of(ConflictStatus.OPEN, ConflictStatus.ACKNOWLEDGED))
        .forEach(c -> open.put(c.conditionKey, c));
    Set<String> suppressed = new HashSet<>();
    Conflict.<Conflict>list(
            "resolution = ?1 and dismissalLapsedAt is null", ConflictDetector.OFFICER)
        .forEach(c -> suppressed.add(c.conditionKey + "|" + c.fingerprint));

    List<String> missing = new ArrayList<>();
    List<String> different = new ArrayList<>();
    expected.forEach(
        (key, condition) -> {
          Conflict conflict = open.get(key);
          if (conflict == null) {
            if (!suppressed.contains(key + "|" + condition.fingerprint())) {
              missing.add(key);
            }
          } else if (!conflict.fingerprint.equals(condition.fingerprint())) {
            different.add(key);
          }
        });
    List<String> unexpected =
        open.keySet().stream().filter(k -> !expected.containsKey(k)).sorted().toList();
    missing.sort(String::compareTo);
    different.sort(String::compareTo);
    return Report.of(expected.size(), open.size(), missing, unexpected, different);
  }

  private static void add(Map<String, Condition> expected, List<Condition> conditions) {
    conditions.forEach(c -> expected.put(c.key(), c));
  }

  private static <K> Map<K, List<OrgSnapshot>> group(
      List<OrgSnapshot> all, Function<OrgSnapshot, K> key) {
    return all.stream().collect(Collectors.groupingBy(key));
  }
}
