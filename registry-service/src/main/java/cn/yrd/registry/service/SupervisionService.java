package cn.yrd.registry.service;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.DecisionRequest;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.api.SupervisionRequests.DowngradeRequest;
import cn.yrd.registry.api.SupervisionRequests.GradeRequest;
import cn.yrd.registry.api.SupervisionRequests.InspectionRequest;
import cn.yrd.registry.api.SupervisionRequests.ListingRequest;
import cn.yrd.registry.api.SupervisionRequests.PenaltyRequest;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.AnnualInspection;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.Penalty;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** 监管: penalties, the two lists, annual inspections and grades. */
@ApplicationScoped
public class SupervisionService {
  @Inject RegistryConfig config;
  @Inject ChangeRecorder recorder;
  @Inject RegistrationService registrations;
  @Inject StatutoryListings listings;

  /**
   * Records a penalty, then the listing the law attaches to it (R-LIST-03), in one transaction: a
   * penalty never stands without its listing.
   */
  @Transactional
  public OrganizationView imposePenalty(Uscc uscc, PenaltyRequest request, CallerInfo caller) {
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
        Change.penalty(
            request.date(),
            penalty.decisionNumber,
            penalty.reason,
            request.kind(),
            request.fineAmount(),
            request.stopUntil());
    if (request.kind() == PenaltyKind.CERTIFICATE_REVOCATION) {
      // 吊销登记证书 ends the registration like a revocation does.
      RegistrationService.markRevoked(org, change);
    }
    touch(org);
    recorder.record(org, EventTypes.PENALTY_IMPOSED, change, caller.name());
    ListingRules.requiredBy(past(penalty), pastPenalties(org.uscc))
        .ifPresent(
            required ->
                listings.list(
                    org,
                    required.list(),
                    required.reasonCode(),
                    new StatutoryListings.Decision(
                        request.date(),
                        penalty.decisionNumber,
                        RuleIds.PENALTY_BRINGS_LISTING
                            + " "
                            + StatutoryListings.CREDIT_REGULATION
                            + ": "
                            + request.kind()
                            + " "
                            + penalty.decisionNumber,
                        caller.name())));
    return registrations.view(org, caller);
  }

  /**
   * A supervisor's listing. Its reason must match the record (R-LIST-01); a new serious reason
   * while serious-listed restarts the clean period (R-LIST-04).
   */
  @Transactional
  public OrganizationView putOnList(
      Uscc uscc, ListKind list, ListingRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkListing(request, list, BusinessTime.today()).throwIfInvalid();
    if (list == ListKind.ABNORMAL) {
      RegistrationService.requireActive(org, "list");
    } else if (org.status == OrgStatus.DEREGISTERED) {
      throw ProblemException.rule("not-active", org.uscc + " is deregistered");
    }
    ListingRules.reasonMismatch(
            request.reasonCode(),
            request.date(),
            pastPenalties(org.uscc),
            org.status,
            ListEntry.findOpen(org.uscc, ListKind.ABNORMAL).map(e -> e.listedOn))
        .ifPresent(
            why -> {
              throw ProblemException.rule(RuleIds.LISTING_REASON_MATCHES, why);
            });
    Optional<ListEntry> open = ListEntry.findOpen(org.uscc, list);
    if (open.isPresent()
        && (list == ListKind.ABNORMAL || !request.date().isAfter(open.get().periodFrom))) {
      throw ProblemException.rule(
          "already-listed",
          org.uscc
              + " is already on the "
              + name(list)
              + (list == ListKind.SERIOUS
                  ? " with its clean period from " + open.get().periodFrom
                  : ""));
    }
    listings.list(
        org,
        list,
        request.reasonCode(),
        new StatutoryListings.Decision(
            request.date(),
            request.decisionNumber().strip(),
            request.reason().strip(),
            caller.name()));
    return registrations.view(org, caller);
  }

  @Transactional
  public OrganizationView removeFromList(
      Uscc uscc, ListKind list, DecisionRequest decision, CallerInfo caller) {
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
    if (list == ListKind.SERIOUS) {
      SupervisionRules.seriousRemovalBlock(
              org.status,
              org.revocationDate != null,
              ListingRules.cleanSince(entry.periodFrom, pastPenalties(org.uscc)),
              decision.date(),
              config.seriousListMinYears())
          .ifPresent(
              why -> {
                throw ProblemException.rule(RuleIds.SERIOUS_REMOVAL, why);
              });
    }
    listings.remove(org, entry, change, caller.name());
    return registrations.view(org, caller);
  }

  @Transactional
  public OrganizationView recordInspection(
      Uscc uscc, InspectionRequest request, CallerInfo caller) {
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
        Change.inspection(
            request.date(), inspection.decisionNumber, "年检", request.year(), request.result());
    recorder.record(org, EventTypes.ANNUAL_INSPECTION_RECORDED, change, caller.name());
    return registrations.view(org, caller);
  }

  /** An award: valid five years (R-GRADE-01), only for an eligible organization (R-GRADE-02). */
  @Transactional
  public OrganizationView awardGrade(Uscc uscc, GradeRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkGrade(request, BusinessTime.today()).throwIfInvalid();
    RegistrationService.requireActive(org, "grade");
    Optional<LocalDate> lastPenalty =
        pastPenalties(org.uscc).stream()
            .map(ListingRules.PastPenalty::imposedOn)
            .max(Comparator.naturalOrder());
    GradeRules.awardBlock(
            org.abnormalListed,
            org.seriousListed,
            lastPenalty,
            request.awardedOn(),
            config.gradeBarAfterPenaltyYears(),
            org.establishmentDate,
            inspections(org.uscc))
        .ifPresent(
            why -> {
              throw ProblemException.rule(
                  "grade-ineligible", "no grade for " + org.uscc + ": " + why);
            });
    Grade grade = Grade.awarded(request.level(), request.awardedOn());
    org.gradeLevel = (short) grade.level();
    org.gradeAwardedOn = grade.awardedOn();
    org.gradeExpiresOn = grade.expiresOn();
    org.gradeDowngradedOn = null;
    touch(org);
    Change change =
        Change.simple(
            request.awardedOn(),
            request.decisionNumber().strip(),
            request.reason() == null ? "评估等级 " + grade.label() : request.reason().strip());
    recorder.record(org, EventTypes.GRADE_AWARDED, change, caller.name());
    return registrations.view(org, caller);
  }

  /** 降低等级 (R-GRADE-03): a lower level that keeps the award's original expiry. */
  @Transactional
  public OrganizationView downgradeGrade(Uscc uscc, DowngradeRequest request, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    SupervisionRules.checkDowngrade(request, BusinessTime.today()).throwIfInvalid();
    GradeRules.downgradeBlock(
            org.gradeLevel == null ? null : org.gradeLevel.intValue(), request.level())
        .ifPresent(
            why -> {
              throw ProblemException.rule(RuleIds.GRADE_DOWNGRADE, why);
            });
    if (org.gradeAwardedOn != null && request.date().isBefore(org.gradeAwardedOn)) {
      throw ProblemException.field("date", "must not be before the award on " + org.gradeAwardedOn);
    }
    org.gradeLevel = request.level().shortValue();
    org.gradeDowngradedOn = request.date();
    touch(org);
    Change change =
        Change.simple(request.date(), request.decisionNumber().strip(), request.reason().strip());
    recorder.record(org, EventTypes.GRADE_DOWNGRADED, change, caller.name());
    return registrations.view(org, caller);
  }

  /** 取消等级 (R-GRADE-03): the grade ends at once. */
  @Transactional
  public OrganizationView withdrawGrade(Uscc uscc, DecisionRequest decision, CallerInfo caller) {
    Organization org = registrations.load(uscc);
    Change change = DecisionRules.check(decision, BusinessTime.today(), true);
    if (org.gradeLevel == null) {
      throw ProblemException.rule("no-grade", org.uscc + " holds no grade");
    }
    org.gradeLevel = null;
    org.gradeAwardedOn = null;
    org.gradeExpiresOn = null;
    org.gradeDowngradedOn = null;
    touch(org);
    recorder.record(org, EventTypes.GRADE_WITHDRAWN, change, caller.name());
    return registrations.view(org, caller);
  }

  static List<ListingRules.PastPenalty> pastPenalties(String uscc) {
    return Penalty.<Penalty>list("uscc", uscc).stream().map(SupervisionService::past).toList();
  }

  static List<GradeRules.Inspection> inspections(String uscc) {
    return AnnualInspection.<AnnualInspection>list("uscc", uscc).stream()
        .map(i -> new GradeRules.Inspection(i.year, i.result, i.recordedOn))
        .toList();
  }

  private static ListingRules.PastPenalty past(Penalty p) {
    return new ListingRules.PastPenalty(p.kind, p.fineAmount, p.imposedOn);
  }

  /** Every change bumps the version, so the state in the event differs from the one before. */
  private static void touch(Organization org) {
    org.updatedAt = BusinessTime.now();
  }

  private static String name(ListKind list) {
    return list == ListKind.ABNORMAL ? "abnormal-activity list" : "serious-violation list";
  }
}
