package cn.yrd.recognition.service.recognition;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccValidator;
import cn.yrd.contracts.recognition.RecognitionScope;
import cn.yrd.contracts.recognition.RecognitionState;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.recognition.api.ManualDecision;
import cn.yrd.recognition.api.OfficerNote;
import cn.yrd.recognition.api.RecognitionRequest;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.Recognition;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import cn.yrd.recognition.service.feed.FeedWriter;
import cn.yrd.recognition.service.notification.NotificationWriter;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.support.outbox.OutboxWriter;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.problem.RequestedUscc;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 登记互认 and 监管互动: requests, decisions, and the cascade driven by home-province events. */
@ApplicationScoped
public class RecognitionService {
  @Inject OutboxWriter outbox;
  @Inject FeedWriter feed;
  @Inject NotificationWriter notifications;
  @Inject ObjectMapper json;
  @Inject ScopeEvaluator scopes;

  @Transactional
  public RecognitionState request(RecognitionRequest request, CallerInfo caller) {
    ValidationOutcome outcome = new ValidationOutcome();
    String code = RequestedUscc.normalize(request.uscc());
    if (code == null || code.isEmpty()) {
      outcome.error("uscc", "is required");
    } else {
      UsccValidator.checkCivilAffairs(code)
          .ifPresent(v -> outcome.error("uscc", v.rule() + ": " + v.message()));
    }
    if (request.hostProvince() == null) {
      outcome.error("hostProvince", "is required");
    }
    if (request.scope() == null) {
      outcome.error("scope", "is required");
    }
    outcome.throwIfInvalid();
    Uscc uscc = Uscc.parseCivilAffairs(code);
    List<OrgSnapshot> records =
        OrgRecord.<OrgRecord>list("uscc", code).stream().map(OrgSnapshot::of).toList();
    Province home = homeOf(uscc, records, request.homeProvince());
    if (home == request.hostProvince()) {
      throw ProblemException.field(
          "hostProvince", "the host province must differ from the home province " + home);
    }
    requireMayRequest(caller, home, request.hostProvince());
    boolean alreadyLive =
        Recognition.count(
                "uscc = ?1 and hostProvince = ?2 and scope = ?3 and status in ?4",
                code,
                request.hostProvince().name(),
                request.scope(),
                ScopeEvaluator.liveStatuses())
            > 0;
    if (alreadyLive) {
      throw ProblemException.conflict(
          uscc
              + " already has a live "
              + request.scope()
              + " recognition in "
              + request.hostProvince());
    }
    Optional<OrgSnapshot> homeRecord = HomeProvince.record(uscc, records);
    RecognitionRules.Decision decision =
        RecognitionRules.decide(
            homeRecord, openConflictSeverities(code), request.scope(), BusinessTime.today());

    Recognition r = new Recognition();
    r.id = UUID.randomUUID();
    r.uscc = code;
    r.homeProvince = home.name();
    r.hostProvince = request.hostProvince().name();
    r.scope = request.scope();
    r.requestedBy = caller.name();
    r.requestedAt = BusinessTime.now();
    r.status = decision.status();
    r.reasons = decision.reasons().toArray(String[]::new);
    if (decision.grade() != null) {
      r.recognizedGradeLevel = (short) decision.grade().level();
      r.recognizedGradeExpiresOn = decision.grade().expiresOn();
    }
    r.decidedBy = decision.status() == RecognitionStatus.PENDING_REVIEW ? null : "AUTO";
    r.decidedAt = decision.status() == RecognitionStatus.PENDING_REVIEW ? null : r.requestedAt;
    r.updatedAt = r.requestedAt;
    r.persist();
    publish(EventTypes.RECOGNITION_REQUESTED, r);
    publish(eventFor(decision.status()), r);
    scopes.organization(uscc);
    return toState(r);
  }

  @Transactional
  public RecognitionState decide(UUID id, ManualDecision decision, CallerInfo caller) {
    Recognition r = load(id);
    ValidationOutcome outcome = new ValidationOutcome();
    if (decision == null
        || (decision.decision() != RecognitionStatus.GRANTED
            && decision.decision() != RecognitionStatus.REJECTED)) {
      outcome.error("decision", "must be GRANTED or REJECTED");
    }
    String note =
        TextRules.required(
            outcome, "note", decision == null ? null : decision.note(), OfficerNote.NOTE_MAX);
    outcome.throwIfInvalid();
    requireOfficerOf(caller, Province.valueOf(r.hostProvince));
    if (r.status != RecognitionStatus.PENDING_REVIEW) {
      throw ProblemException.rule(
          "not-pending", "request " + id + " is " + r.status + ", not PENDING_REVIEW");
    }
    r.status = decision.decision();
    r.reasons = append(r.reasons, "OFFICER_DECISION");
    if (r.status == RecognitionStatus.REJECTED) {
      r.recognizedGradeLevel = null;
      r.recognizedGradeExpiresOn = null;
    }
    r.note = note;
    r.decidedBy = caller.name();
    r.decidedAt = BusinessTime.now();
    r.updatedAt = r.decidedAt;
    publish(eventFor(r.status), r);
    scopes.organization(Uscc.parse(r.uscc));
    return toState(r);
  }

  /** 监管互动: what a change in the home registry does to every recognition of the organization. */
  public void cascade(OrgSnapshot before, OrgSnapshot after, String eventType) {
    List<Recognition> live =
        Recognition.list(
            "uscc = ?1 and homeProvince = ?2 and status in ?3",
            after.uscc().value(),
            after.province().name(),
            ScopeEvaluator.liveStatuses());
    for (Recognition r : live) {
      Optional<String> revokeReason = revokeReason(before, after, eventType);
      if (revokeReason.isPresent()) {
        change(r, RecognitionStatus.REVOKED, revokeReason.get(), EventTypes.RECOGNITION_REVOKED);
        continue;
      }
      boolean listedNow = after.abnormalListed() && (before == null || !before.abnormalListed());
      boolean removedNow = !after.abnormalListed() && before != null && before.abnormalListed();
      if (listedNow && r.status == RecognitionStatus.GRANTED) {
        change(
            r,
            RecognitionStatus.SUSPENDED,
            RecognitionRules.HOME_ABNORMAL_LISTED,
            EventTypes.RECOGNITION_SUSPENDED);
      } else if (removedNow && r.status == RecognitionStatus.SUSPENDED) {
        change(
            r,
            RecognitionStatus.GRANTED,
            RecognitionRules.HOME_ABNORMAL_REMOVED,
            EventTypes.RECOGNITION_REINSTATED);
      }
      followGrade(r, after, BusinessTime.today());
    }
  }

  /** Recognized grades whose original expiry has passed are dropped (run daily). */
  @Transactional
  public int dropExpiredGrades() {
    List<Recognition> expired =
        Recognition.list(
            "recognizedGradeExpiresOn <= ?1 and status in ?2",
            BusinessTime.today(),
            ScopeEvaluator.liveStatuses());
    expired.forEach(r -> dropGrade(r, RecognitionRules.GRADE_EXPIRED));
    return expired.size();
  }

  public RecognitionState toState(Recognition r) {
    return new RecognitionState(
        r.id,
        r.uscc,
        Province.valueOf(r.homeProvince),
        Province.valueOf(r.hostProvince),
        r.scope,
        r.status,
        Arrays.asList(r.reasons),
        r.recognizedGradeLevel == null
            ? null
            : new RecognitionState.RecognizedGrade(
                r.recognizedGradeLevel, r.recognizedGradeExpiresOn),
        r.requestedBy,
        r.requestedAt,
        r.decidedBy,
        r.decidedAt,
        r.note,
        RecognitionRules.ruleIds(Arrays.asList(r.reasons)));
  }

  /** One recognition as the API returns it. */
  public RecognitionState read(UUID id) {
    return toState(load(id));
  }

  private Recognition load(UUID id) {
    Recognition r = Recognition.findById(id);
    if (r == null) {
      throw ProblemException.notFound("no recognition request " + id);
    }
    return r;
  }

  private static Optional<String> revokeReason(
      OrgSnapshot before, OrgSnapshot after, String eventType) {
    if (after.status() == OrgStatus.REVOKED) {
      return Optional.of(RecognitionRules.HOME_REVOKED);
    }
    if (after.status() == OrgStatus.DEREGISTERED) {
      return Optional.of(
          EventTypes.TRANSFERRED_OUT.equals(eventType)
              ? RecognitionRules.HOME_TRANSFERRED_OUT
              : RecognitionRules.HOME_DEREGISTERED);
    }
    if (after.seriousListed()) {
      return Optional.of(RecognitionRules.HOME_SERIOUS_LISTED);
    }
    return Optional.empty();
  }

  /**
   * R-RECOG-05: a live recognition carries the home's current grade, so a downgrade or a renewed
   * award reaches the host; without a valid grade the recognized one is dropped.
   */
  private void followGrade(Recognition r, OrgSnapshot home, LocalDate today) {
    if (!home.hasValidGrade(today)) {
      if (r.recognizedGradeLevel != null) {
        dropGrade(
            r,
            home.gradeLevel() == null
                ? RecognitionRules.GRADE_WITHDRAWN
                : RecognitionRules.GRADE_EXPIRED);
      }
      return;
    }
    boolean same =
        r.recognizedGradeLevel != null
            && r.recognizedGradeLevel.intValue() == home.gradeLevel()
            && home.gradeExpiresOn().equals(r.recognizedGradeExpiresOn);
    if (!same && r.status != RecognitionStatus.REJECTED) {
      r.recognizedGradeLevel = home.gradeLevel().shortValue();
      r.recognizedGradeExpiresOn = home.gradeExpiresOn();
      r.reasons = append(r.reasons, RecognitionRules.GRADE_UPDATED);
      r.updatedAt = BusinessTime.now();
      publish(EventTypes.RECOGNITION_GRADE_UPDATED, r);
    }
  }

  private void dropGrade(Recognition r, String reason) {
    if (r.scope == RecognitionScope.GRADE) {
      change(r, RecognitionStatus.REVOKED, reason, EventTypes.RECOGNITION_REVOKED);
    } else {
      r.recognizedGradeLevel = null;
      r.recognizedGradeExpiresOn = null;
      r.reasons = append(r.reasons, reason);
      r.updatedAt = BusinessTime.now();
      publish(EventTypes.RECOGNITION_GRADE_DROPPED, r);
    }
  }

  private void change(Recognition r, RecognitionStatus status, String reason, String eventType) {
    r.status = status;
    r.reasons = append(r.reasons, reason);
    if (status == RecognitionStatus.REVOKED) {
      r.recognizedGradeLevel = null;
      r.recognizedGradeExpiresOn = null;
    }
    r.decidedBy = "AUTO";
    r.decidedAt = BusinessTime.now();
    r.updatedAt = r.decidedAt;
    publish(eventType, r);
  }

  private static String eventFor(RecognitionStatus status) {
    return switch (status) {
      case GRANTED -> EventTypes.RECOGNITION_GRANTED;
      case REJECTED -> EventTypes.RECOGNITION_REJECTED;
      case PENDING_REVIEW -> EventTypes.RECOGNITION_PENDING_REVIEW;
      case SUSPENDED -> EventTypes.RECOGNITION_SUSPENDED;
      case REVOKED -> EventTypes.RECOGNITION_REVOKED;
    };
  }

  /**
   * R-HOME-01: the home province is derived, never chosen; a request that names another one is
   * refused rather than recorded.
   */
  private static Province homeOf(Uscc uscc, List<OrgSnapshot> records, Province named) {
    Province home =
        HomeProvince.of(uscc, records)
            .orElseThrow(
                () ->
                    ProblemException.field(
                        "uscc",
                        "no home province: "
                            + uscc
                            + " was not issued in the delta and no registry of it holds it"));
    if (named != null && named != home) {
      throw ProblemException.field(
          "homeProvince",
          RuleIds.HOME_PROVINCE
              + ": the home province of "
              + uscc
              + " is "
              + home
              + " (its issuer or the end of its recorded transfers), not "
              + named);
    }
    return home;
  }

  @SuppressWarnings("unchecked")
  static List<Severity> openConflictSeverities(String uscc) {
    List<String> severities =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT severity FROM conflict WHERE :u = ANY (usccs) AND status IN ('OPEN', 'ACKNOWLEDGED')")
            .setParameter("u", uscc)
            .getResultList();
    return severities.stream().map(Severity::valueOf).toList();
  }

  private static void requireMayRequest(CallerInfo caller, Province home, Province host) {
    boolean hostOfficer =
        caller.hasRole(Roles.RECOGNITION_OFFICER)
            && caller.province().filter(host::equals).isPresent();
    boolean homeRegistrar =
        caller.hasRole(Roles.REGISTRAR) && caller.province().filter(home::equals).isPresent();
    if (!hostOfficer && !homeRegistrar) {
      throw ProblemException.forbidden(
          "a request is filed by a recognition officer of the host province ("
              + host
              + ") or a registrar of the home province ("
              + home
              + ")");
    }
  }

  static void requireOfficerOf(CallerInfo caller, Province province) {
    if (!caller.hasRole(Roles.RECOGNITION_OFFICER)
        || caller.province().filter(province::equals).isEmpty()) {
      throw ProblemException.forbidden(
          "only a recognition officer of " + province + " may do this");
    }
  }

  private static String[] append(String[] reasons, String reason) {
    List<String> all = new ArrayList<>(Arrays.asList(reasons));
    all.add(reason);
    return all.toArray(String[]::new);
  }

  private void publish(String eventType, Recognition r) {
    try {
      String state = json.writeValueAsString(toState(r));
      outbox.append(eventType, r.uscc, state);
      feed.recognition(eventType, r.uscc, r.homeProvince, r.hostProvince, state);
      notifications.recognition(
          eventType, r, RecognitionRules.ruleIds(Arrays.asList(r.reasons)), state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
