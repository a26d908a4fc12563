package cn.yrd.recognition.service;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.Recognition;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads what each rule scope needs from the view and lets the detector act on the result. */
@ApplicationScoped
public class ScopeEvaluator {
  @Inject ConflictDetector detector;
  @Inject RecognitionConfig config;

  public void organization(String uscc) {
    detector.reconcileScope(ConflictRules.usccScope(uscc), organizationConditions(uscc));
  }

  public void name(String normalizedName) {
    detector.reconcileScope(
        ConflictRules.nameScope(normalizedName), nameConditions(normalizedName));
  }

  public void person(String personRef) {
    detector.reconcileScope(ConflictRules.personScope(personRef), personConditions(personRef));
  }

  public void sequence(Province province) {
    detector.reconcileScope(ConflictRules.provinceScope(province), sequenceConditions(province));
  }

  List<Condition> organizationConditions(String uscc) {
    boolean live = Recognition.count("uscc = ?1 and status in ?2", uscc, liveStatuses()) > 0;
    return ConflictRules.forOrganization(uscc, snapshots("uscc", uscc), live, BusinessTime.today());
  }

  List<Condition> nameConditions(String normalizedName) {
    return ConflictRules.forName(normalizedName, snapshots("normalizedName", normalizedName))
        .stream()
        .toList();
  }

  List<Condition> personConditions(String personRef) {
    return ConflictRules.forPerson(
        personRef,
        snapshots("personRef", personRef),
        BusinessTime.today(),
        config.legalRepBarYears());
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

  private static List<OrgSnapshot> snapshots(String field, String value) {
    return OrgRecord.<OrgRecord>list(field, value).stream().map(OrgSnapshot::of).toList();
  }

  static List<RecognitionStatus> liveStatuses() {
    return List.of(
        RecognitionStatus.GRANTED, RecognitionStatus.PENDING_REVIEW, RecognitionStatus.SUSPENDED);
  }
}
