package cn.yrd.recognition.service.clearance;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccValidator;
import cn.yrd.contracts.recognition.ClearanceDisclosure;
import cn.yrd.contracts.recognition.ClearanceFinding;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.api.ClearanceRequest;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.Clearance;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.recognition.service.conflict.Condition;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.ViewQueries;
import cn.yrd.recognition.service.view.ViewReads;
import cn.yrd.support.outbox.OutboxWriter;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.problem.RequestedUscc;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.validation.ValidationOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * 登记前核查: answers a registry that asks whether an intended registration would conflict (level 1),
 * and discloses the details of a conflicting answer to the asking province only (level 2),
 * publishing every disclosure so the audit log keeps it.
 */
@ApplicationScoped
public class ClearanceService {
  public static final String CLEAR = "CLEAR";
  public static final String WOULD_CONFLICT = "WOULD_CONFLICT";
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  private static final TypeReference<List<ClearanceFinding>> FINDINGS = new TypeReference<>() {};

  @Inject RecognitionConfig config;
  @Inject OutboxWriter outbox;
  @Inject ObjectMapper json;

  /** Level 1: CLEAR, WOULD_CONFLICT with each finding's rule and severity, or INSUFFICIENT_DATA. */
  @Transactional
  public Views.ClearanceAnswer check(ClearanceRequest request, CallerInfo caller) {
    Province asking = askingProvince(caller);
    OrgSnapshot intended = intended(request, asking);
    List<OrgSnapshot> sameCode =
        ViewReads.snapshots(ViewReads.ScopeColumn.USCC, List.of(intended.uscc().value()));
    List<OrgSnapshot> sameName =
        intended.normalizedName().isEmpty()
            ? List.of()
            : ViewReads.snapshots(
                ViewReads.ScopeColumn.NORMALIZED_NAME, List.of(intended.normalizedName()));
    List<OrgSnapshot> samePerson =
        intended.personRef() == null
            ? List.of()
            : ViewReads.snapshots(ViewReads.ScopeColumn.PERSON_REF, List.of(intended.personRef()));
    boolean live = !ScopeEvaluator.withLiveRecognition(List.of(intended.uscc().value())).isEmpty();
    List<Condition> raised =
        ClearanceRules.wouldRaise(
            intended,
            new ClearanceRules.Neighbourhood(sameCode, sameName, samePerson, live),
            BusinessTime.today(),
            config.legalRepBarYears());
    if (!raised.isEmpty()) {
      List<ClearanceFinding> findings =
          raised.stream()
              .sorted(Comparator.comparing(Condition::severity).thenComparing(Condition::ruleId))
              .map(
                  c ->
                      new ClearanceFinding(
                          c.type(), c.ruleId(), c.severity(), c.usccs(), c.provinces()))
              .toList();
      Clearance kept = new Clearance();
      kept.id = EventIds.next();
      kept.province = asking.name();
      kept.askedBy = caller.name();
      kept.uscc = intended.uscc().value();
      kept.findings = write(findings);
      kept.askedAt = BusinessTime.now();
      kept.persist();
      return new Views.ClearanceAnswer(
          WOULD_CONFLICT,
          kept.id,
          findings.stream()
              .map(f -> new Views.ClearanceFindingSummary(f.type(), f.ruleId(), f.severity()))
              .toList(),
          null);
    }
    List<String> missing = missing(request);
    return missing.isEmpty()
        ? new Views.ClearanceAnswer(CLEAR, null, List.of(), null)
        : new Views.ClearanceAnswer(INSUFFICIENT_DATA, null, List.of(), missing);
  }

  /**
   * Level 2: the organizations behind a conflicting answer, for a registrar of the province that
   * asked; every disclosure is published as an event, which the audit log keeps.
   */
  @Transactional
  public Views.ClearanceDetails details(UUID id, CallerInfo caller) {
    Clearance kept = Clearance.findById(id);
    if (kept == null) {
      throw ProblemException.notFound("no conflicting clearance answer " + id);
    }
    if (!caller.hasRole(Roles.REGISTRAR)
        || caller.province().map(p -> !p.name().equals(kept.province)).orElse(true)) {
      throw ProblemException.forbidden(
          "only a registrar of "
              + kept.province
              + ", the province that asked, may read the details");
    }
    List<ClearanceFinding> findings = read(kept.findings);
    List<Views.ClearanceFindingDetail> details = new ArrayList<>();
    for (ClearanceFinding f : findings) {
      List<Views.OrganizationSummary> organizations =
          OrgRecord.<OrgRecord>list("uscc in ?1", f.usccs()).stream()
              .filter(r -> f.provinces().contains(r.province))
              .filter(r -> !(r.uscc.strip().equals(kept.uscc) && r.province.equals(kept.province)))
              .sorted(Comparator.comparing((OrgRecord r) -> r.uscc).thenComparing(r -> r.province))
              .map(ViewQueries::summary)
              .toList();
      details.add(
          new Views.ClearanceFindingDetail(
              f.type(), f.ruleId(), f.severity(), f.provinces(), organizations));
    }
    outbox.append(
        EventTypes.CLEARANCE_DISCLOSED,
        kept.uscc,
        write(
            new ClearanceDisclosure(
                kept.id,
                kept.uscc,
                kept.province,
                kept.askedBy,
                caller.name(),
                BusinessTime.now(),
                findings)));
    return new Views.ClearanceDetails(kept.id, kept.uscc, details);
  }

  private static Province askingProvince(CallerInfo caller) {
    return caller
        .province()
        .orElseThrow(
            () -> ProblemException.forbidden("a clearance is asked by a registrar of a province"));
  }

  /** The intended record as the rules read one: ACTIVE, in the asking province. */
  private static OrgSnapshot intended(ClearanceRequest request, Province asking) {
    if (request == null) {
      throw ProblemException.field("", "a request body is required");
    }
    ValidationOutcome outcome = new ValidationOutcome();
    String code = RequestedUscc.normalize(request.uscc());
    if (code == null || code.isEmpty()) {
      outcome.error("uscc", "is required");
    } else {
      UsccValidator.checkCivilAffairs(code)
          .ifPresent(v -> outcome.error("uscc", v.rule() + ": " + v.message()));
    }
    if (request.category() == null) {
      outcome.error("category", "is required");
    }
    if (request.normalizedName() != null && request.normalizedName().length() > 100) {
      outcome.error("normalizedName", "must be at most 100 characters");
    }
    if (request.personRef() != null && !request.personRef().matches("[0-9a-f]{64}")) {
      outcome.error("personRef", "must be 64 lower-case hex characters");
    }
    outcome.throwIfInvalid();
    String name = request.normalizedName() == null ? "" : request.normalizedName();
    return new OrgSnapshot(
        Uscc.parseCivilAffairs(code),
        asking,
        name,
        NameNormalizer.normalize(name),
        request.category(),
        OrgStatus.ACTIVE,
        request.personRef(),
        null,
        null,
        false,
        false,
        null,
        null,
        null);
  }

  /** What keeps a check without findings from being a CLEAR. */
  private static List<String> missing(ClearanceRequest request) {
    List<String> missing = new ArrayList<>();
    if (request.normalizedName() == null || request.normalizedName().isBlank()) {
      missing.add("normalizedName: the name rules (R-CONFLICT-03) were not checked");
    }
    if (request.personRef() == null) {
      missing.add(
          "personRef: the legal-representative rules (R-CONFLICT-04 to 06) were not checked");
    }
    for (SequenceTracker t : SequenceTracker.<SequenceTracker>listAll()) {
      if (t.highest > t.contiguous) {
        missing.add(
            t.province
                + ": events after "
                + t.contiguous
                + " have not all arrived, so its records may be out of date");
      }
    }
    return missing;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ClearanceFinding> read(String findings) {
    try {
      return json.readValue(findings, FINDINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored findings are not JSON", e);
    }
  }
}
