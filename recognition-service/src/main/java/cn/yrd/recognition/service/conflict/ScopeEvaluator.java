package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.ViewReads;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what each rule scope needs from the view, one query per kind of scope however many scopes
 * there are, and lets the detector act on the result.
 */
@ApplicationScoped
public class ScopeEvaluator {
  @Inject ConflictDetector detector;
  @Inject RecognitionConfig config;

  public void organization(Uscc uscc) {
    TouchedScopes touched = new TouchedScopes();
    touched.organization(uscc);
    evaluate(touched);
  }

  public void sequence(Province province) {
    TouchedScopes touched = new TouchedScopes();
    touched.sequence(province);
    evaluate(touched);
  }

  /** Must run inside the transaction that changed what the scopes read. */
  public void evaluate(TouchedScopes touched) {
    DayTurn.enterShared();
    evaluate(touched, BusinessTime.today(), AutoResolution.BY_EVENT);
  }

  /**
   * Evaluates the scopes as of {@code today}; conflicts that no longer hold resolve with the reason
   * {@code autoReason} gives their type.
   */
  public void evaluate(
      TouchedScopes touched, LocalDate today, Function<ConflictType, String> autoReason) {
    List<String> keys = new ArrayList<>();
    touched.usccs.forEach(u -> keys.add(ConflictRules.usccScope(u)));
    touched.names.forEach(n -> keys.add(ConflictRules.nameScope(n)));
    touched.persons.forEach(p -> keys.add(ConflictRules.personScope(p)));
    touched.sequences.forEach(p -> keys.add(ConflictRules.provinceScope(p)));
    if (keys.isEmpty()) {
      return;
    }
    // Locked before reading, so a concurrent instance's view of these scopes cannot be stale.
    detector.lock(keys);
    // The reads below are plain SQL: Hibernate flushes the session for none of them.
    Panache.getSession().flush();
    Map<String, List<Condition>> holding = new LinkedHashMap<>();
    if (!touched.usccs.isEmpty()) {
      List<String> codes = touched.usccs.stream().map(Uscc::value).toList();
      Map<Uscc, List<OrgSnapshot>> records =
          snapshots(ViewReads.ScopeColumn.USCC, codes, OrgSnapshot::uscc);
      Set<String> live = withLiveRecognition(codes);
      for (Uscc uscc : touched.usccs) {
        holding.put(
            ConflictRules.usccScope(uscc),
            ConflictRules.forOrganization(
                uscc, records.getOrDefault(uscc, List.of()), live.contains(uscc.value()), today));
      }
    }
    if (!touched.names.isEmpty()) {
      Map<String, List<OrgSnapshot>> records =
          snapshots(
              ViewReads.ScopeColumn.NORMALIZED_NAME, touched.names, OrgSnapshot::normalizedName);
      for (String name : touched.names) {
        holding.put(
            ConflictRules.nameScope(name),
            ConflictRules.forName(name, records.getOrDefault(name, List.of())).stream().toList());
      }
    }
    if (!touched.persons.isEmpty()) {
      Map<String, List<OrgSnapshot>> records =
          snapshots(ViewReads.ScopeColumn.PERSON_REF, touched.persons, OrgSnapshot::personRef);
      for (String person : touched.persons) {
        holding.put(
            ConflictRules.personScope(person),
            ConflictRules.forPerson(
                person, records.getOrDefault(person, List.of()), today, config.legalRepBarYears()));
      }
    }
    for (Province province : touched.sequences) {
      holding.put(ConflictRules.provinceScope(province), sequenceConditions(province));
    }
    detector.reconcile(holding, autoReason);
  }

  List<Condition> sequenceConditions(Province province) {
    Optional<SequenceTracker> tracker = SequenceTracker.findByIdOptional(province.name());
    if (tracker.isEmpty()) {
      return List.of();
    }
    SequenceTracker t = tracker.get();
    OffsetDateTime limit = BusinessTime.now().minus(config.sequenceGapThreshold());
    boolean overdue = t.gapSince != null && !t.gapSince.isAfter(limit);
    return ConflictRules.forSequence(province, t.contiguous, t.highest, overdue).stream().toList();
  }

  private static <K> Map<K, List<OrgSnapshot>> snapshots(
      ViewReads.ScopeColumn column, Collection<String> values, Function<OrgSnapshot, K> key) {
    return ViewReads.snapshots(column, values).stream().collect(Collectors.groupingBy(key));
  }

  public static Set<String> withLiveRecognition(Collection<String> usccs) {
    return ViewReads.usccsWithRecognition(
        usccs, liveStatuses().stream().map(RecognitionStatus::name).toList());
  }

  public static List<RecognitionStatus> liveStatuses() {
    return List.of(
        RecognitionStatus.GRANTED, RecognitionStatus.PENDING_REVIEW, RecognitionStatus.SUSPENDED);
  }
}
