package cn.yrd.registry.service;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.event.ChangeRecorder;
import cn.yrd.registry.repository.AnnualInspection;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.Penalty;
import cn.yrd.registry.rest.DecisionRequest;
import cn.yrd.registry.rest.SupervisionRequests.GradeRequest;
import cn.yrd.registry.rest.SupervisionRequests.InspectionRequest;
import cn.yrd.registry.rest.SupervisionRequests.ListingRequest;
import cn.yrd.registry.rest.SupervisionRequests.PenaltyRequest;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;

/** 监管: penalties, the two lists, annual inspections and grades. */
@ApplicationScoped
public class SupervisionService {
  @Inject RegistryConfig config;
  @Inject ChangeRecorder recorder;
  @Inject RegistrationService registrations;

  @Transactional
  public Organization imposePenalty(String uscc, PenaltyRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkPenalty(request, BusinessTime.today()).throwIfInvalid();
    RegistrationService.requireActive(org, "penalize");
    Penalty penalty = new Penalty();
    penalty.uscc = org.uscc;
    penalty.kind = request.kind();
    penalty.fineAmount = request.fineAmount();
    penalty.stopUntil = request.stopUntil();
    penalty.imposedOn = request.date();
    penalty.decisionNumber = request.decisionNumber().strip();
    penalty.reason = request.reason().strip();
    penalty.persist();
    Change change =
        new Change(
            request.date(),
            penalty.decisionNumber,
            penalty.reason,
            null,
            request.kind(),
            request.fineAmount(),
            request.stopUntil(),
            null,
            null,
            null,
            null);
    if (request.kind() == PenaltyKind.CERTIFICATE_REVOCATION) {
      // 吊销登记证书 ends the registration like a revocation does.
      RegistrationService.markRevoked(org, change);
    }
    touch(org);
    recorder.record(org, EventTypes.PENALTY_IMPOSED, change, caller.name());
    return org;
  }

  @Transactional
  public Organization putOnList(
      String uscc, ListEntry.Kind list, ListingRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkListing(request, list, BusinessTime.today()).throwIfInvalid();
    if (list == ListEntry.Kind.ABNORMAL) {
      RegistrationService.requireActive(org, "list");
    } else if (org.status == OrgStatus.DEREGISTERED) {
      throw ProblemException.rule("not-active", org.uscc + " is deregistered");
    }
    if (ListEntry.findOpen(org.uscc, list).isPresent()) {
      throw ProblemException.rule("already-listed", org.uscc + " is already on the " + name(list));
    }
    ListEntry entry = new ListEntry();
    entry.uscc = org.uscc;
    entry.list = list;
    entry.listedOn = request.date();
    entry.listedReason = request.reasonCode();
    entry.listedDecision = request.decisionNumber().strip();
    entry.persist();
    setListed(org, list, true);
    Change change =
        new Change(
            request.date(),
            entry.listedDecision,
            request.reason().strip(),
            null,
            null,
            null,
            null,
            request.reasonCode(),
            null,
            null,
            null);
    recorder.record(
        org,
        list == ListEntry.Kind.ABNORMAL ? EventTypes.ABNORMAL_LISTED : EventTypes.SERIOUS_LISTED,
        change,
        caller.name());
    return org;
  }

  @Transactional
  public Organization removeFromList(
      String uscc, ListEntry.Kind list, DecisionRequest decision, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    Change change = DecisionRules.check(decision, BusinessTime.today(), true);
    ListEntry entry =
        ListEntry.findOpen(org.uscc, list)
            .orElseThrow(
                () ->
                    ProblemException.rule("not-listed", org.uscc + " is not on the " + name(list)));
    if (decision.date().isBefore(entry.listedOn)) {
      throw ProblemException.field("date", "must not be before the listing on " + entry.listedOn);
    }
    if (list == ListEntry.Kind.SERIOUS) {
      SupervisionRules.seriousRemovalBlock(
              org.status,
              org.revocationDate != null,
              entry.listedOn,
              decision.date(),
              config.seriousListMinYears())
          .ifPresent(
              why -> {
                throw ProblemException.rule("serious-list-removal", why);
              });
    }
    entry.removedOn = decision.date();
    entry.removedReason = change.reason();
    entry.removedDecision = change.decisionNumber();
    setListed(org, list, false);
    recorder.record(
        org,
        list == ListEntry.Kind.ABNORMAL ? EventTypes.ABNORMAL_REMOVED : EventTypes.SERIOUS_REMOVED,
        change,
        caller.name());
    return org;
  }

  @Transactional
  public Organization recordInspection(String uscc, InspectionRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkInspection(request, org.establishmentDate, BusinessTime.today())
        .throwIfInvalid();
    RegistrationService.requireActive(org, "inspect");
    if (AnnualInspection.count("uscc = ?1 and year = ?2", org.uscc, request.year()) > 0) {
      throw ProblemException.conflict(
          "the " + request.year() + " inspection of " + org.uscc + " is already recorded");
    }
    AnnualInspection inspection = new AnnualInspection();
    inspection.uscc = org.uscc;
    inspection.year = request.year();
    inspection.result = request.result();
    inspection.recordedOn = request.date();
    inspection.decisionNumber = RegistrationService.blankToNull(request.decisionNumber());
    inspection.persist();
    touch(org);
    Change change =
        new Change(
            request.date(),
            inspection.decisionNumber,
            "年检",
            null,
            null,
            null,
            null,
            null,
            request.year(),
            request.result(),
            null);
    recorder.record(org, EventTypes.ANNUAL_INSPECTION_RECORDED, change, caller.name());
    return org;
  }

  @Transactional
  public Organization awardGrade(String uscc, GradeRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkGrade(request, BusinessTime.today()).throwIfInvalid();
    RegistrationService.requireActive(org, "grade");
    Optional<LocalDate> lastPenalty =
        Penalty.<Penalty>find("uscc", Sort.descending("imposedOn"), org.uscc)
            .firstResultOptional()
            .map(p -> p.imposedOn);
    SupervisionRules.gradeIneligibility(
            org.abnormalListed,
            org.seriousListed,
            lastPenalty,
            request.awardedOn(),
            config.gradeBarAfterPenaltyYears())
        .ifPresent(
            why -> {
              throw ProblemException.rule(
                  "grade-ineligible", "no grade for " + org.uscc + ": " + why);
            });
    Grade grade = Grade.awarded(request.level(), request.awardedOn());
    org.gradeLevel = (short) grade.level();
    org.gradeAwardedOn = grade.awardedOn();
    org.gradeExpiresOn = grade.expiresOn();
    touch(org);
    Change change =
        Change.simple(
            request.awardedOn(),
            request.decisionNumber().strip(),
            request.reason() == null ? "评估等级 " + grade.label() : request.reason().strip());
    recorder.record(org, EventTypes.GRADE_AWARDED, change, caller.name());
    return org;
  }

  @Transactional
  public Organization withdrawGrade(String uscc, DecisionRequest decision, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    Change change = DecisionRules.check(decision, BusinessTime.today(), true);
    if (org.gradeLevel == null) {
      throw ProblemException.rule("no-grade", org.uscc + " holds no grade");
    }
    org.gradeLevel = null;
    org.gradeAwardedOn = null;
    org.gradeExpiresOn = null;
    touch(org);
    recorder.record(org, EventTypes.GRADE_WITHDRAWN, change, caller.name());
    return org;
  }

  private static void setListed(Organization org, ListEntry.Kind list, boolean listed) {
    if (list == ListEntry.Kind.ABNORMAL) {
      org.abnormalListed = listed;
    } else {
      org.seriousListed = listed;
    }
    touch(org);
  }

  /** Every change bumps the version, so the state in the event differs from the one before. */
  private static void touch(Organization org) {
    org.updatedAt = BusinessTime.now();
  }

  private static String name(ListEntry.Kind list) {
    return list == ListEntry.Kind.ABNORMAL ? "abnormal-activity list" : "serious-violation list";
  }
}
