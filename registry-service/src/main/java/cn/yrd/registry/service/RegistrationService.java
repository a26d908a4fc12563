package cn.yrd.registry.service;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.PersonReference;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.SeriousListReason;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.AmendmentRequest;
import cn.yrd.registry.api.DecisionRequest;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.registry.api.TransferOutRequest;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.RegistrationGroupCommit;
import cn.yrd.registry.repository.RegistrationWriter;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.registry.service.clearance.ClearanceCheck;
import cn.yrd.registry.service.clearance.ClearanceClient;
import cn.yrd.support.outbox.OutboxRelay;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.tracing.EventTracing;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** 登记: registering, amending, deregistering and revoking organizations. */
@ApplicationScoped
public class RegistrationService {
  @Inject RegistryConfig config;
  @Inject ChangeRecorder recorder;
  @Inject RegistrationGroupCommit groupCommit;
  @Inject OutboxRelay relay;
  @Inject StatutoryListings listings;
  @Inject ClearanceClient clearances;

  /**
   * Stores a valid registration without Hibernate or a JTA transaction, in one statement with any
   * others that arrive at the same moment: the record, its history and its event commit together or
   * not at all. Nothing here blocks, so the request can stay on its event loop while a writer
   * thread stores the row; invalid input fails at once, a clash through the returned stage.
   */
  public CompletionStage<OrganizationView> register(
      RegistrationRequest request, CallerInfo caller) {
    return register(request, caller, null);
  }

  /**
   * As {@link #register(RegistrationRequest, CallerInfo)}, after asking the federation whether the
   * registration would conflict (登记前核查) with the registrar's {@code authorization}: its answer
   * becomes a warning, or (REFUSE_HIGH) a HIGH finding refuses the registration with a 409.
   */
  public CompletionStage<OrganizationView> register(
      RegistrationRequest request, CallerInfo caller, String authorization) {
    ValidationOutcome outcome = rules().checkNew(request, BusinessTime.today());
    outcome.throwIfInvalid();
    Organization org = newOrganization(request);
    NewRegistration toStore = toStore(request, org);
    CompletableFuture<OrganizationView> registered = new CompletableFuture<>();
    clearances
        .check(org, authorization)
        .whenComplete(
            (check, unexpected) -> {
              if (unexpected != null) {
                registered.completeExceptionally(unexpected);
              } else if (config.clearance().mode() == RegistryConfig.ClearanceMode.REFUSE_HIGH
                  && check.wouldRaiseHigh()) {
                registered.completeExceptionally(refusedByClearance(org, check));
              } else {
                store(toStore, org, caller, warnings(outcome.warnings(), check), registered);
              }
            });
    return registered;
  }

  private void store(
      NewRegistration toStore,
      Organization org,
      CallerInfo caller,
      List<String> warnings,
      CompletableFuture<OrganizationView> registered) {
    groupCommit
        .submit(toStore, caller.name(), org.createdAt)
        .whenComplete(
            (stored, failure) -> {
              if (failure == null) {
                relay.wakeUp();
                registered.complete(view(org, caller).withWarnings(warnings));
              } else {
                registered.completeExceptionally(problemOf(failure, org));
              }
            });
  }

  private static List<String> warnings(List<String> own, ClearanceCheck check) {
    List<String> all = new ArrayList<>(own);
    all.addAll(check.warnings());
    return all;
  }

  private static ProblemException refusedByClearance(Organization org, ClearanceCheck check) {
    return ProblemException.of(
        409,
        "clearance-refused",
        "Refused by the check before registering",
        "registering "
            + org.uscc
            + " would raise "
            + check.findingsText()
            + "; details for a registrar of this province: "
            + check.detailsUrl());
  }

  private static RuntimeException problemOf(Throwable failure, Organization org) {
    if (failure instanceof RegistrationWriter.ClashException clash) {
      return clash.clash() == RegistrationWriter.Clash.USCC
          ? ProblemException.conflict("USCC " + org.uscc + " is already registered here")
          : nameTaken(org.name, clash.holder().orElse("unknown"));
    }
    return new IllegalStateException("could not store registration " + org.uscc, failure);
  }

  /** What storing a new registration writes: the record, its event and its history entry. */
  NewRegistration toStore(RegistrationRequest request, Organization org) {
    Change change = changeOf(request);
    return new NewRegistration(
        org,
        EventIds.next(),
        eventTypeOf(request),
        change.date(),
        change.decisionNumber(),
        change.reason(),
        recorder.payload(org, change),
        recorder.write(change),
        EventTracing.currentTraceparent());
  }

  /** The record a valid registration creates, not yet stored. */
  Organization newOrganization(RegistrationRequest request) {
    Organization org = new Organization();
    org.uscc = RegistrationRules.normalizeUscc(request.uscc());
    org.name = request.name().strip();
    org.normalizedName = NameNormalizer.normalize(org.name);
    org.category = request.category();
    setLegalRepresentative(org, request.legalRepresentative());
    org.domicile = request.domicile().strip();
    org.businessScope = request.businessScope().strip();
    org.registeredFunds = request.registeredFunds();
    org.supervisoryUnit = blankToNull(request.supervisoryUnit());
    org.registrationAuthority = request.registrationAuthority().strip();
    org.establishmentDate = request.establishmentDate();
    org.status = OrgStatus.ACTIVE;
    org.createdAt = BusinessTime.now();
    org.updatedAt = org.createdAt;
    if (request.transferIn() != null) {
      org.transferredFrom = request.transferIn().fromProvince().name();
    }
    return org;
  }

  static String eventTypeOf(RegistrationRequest request) {
    return request.transferIn() == null ? EventTypes.REGISTERED : EventTypes.TRANSFERRED_IN;
  }

  /** 设立登记 dates from establishment; 迁入 from the transfer decision. */
  static Change changeOf(RegistrationRequest request) {
    RegistrationRequest.TransferIn transfer = request.transferIn();
    if (transfer == null) {
      return Change.simple(request.establishmentDate(), null, "设立登记");
    }
    return Change.transfer(
        transfer.date(), transfer.decisionNumber().strip(), "迁入", transfer.fromProvince());
  }

  @Transactional
  public OrganizationView amend(
      Uscc uscc, Long expectedVersion, AmendmentRequest request, CallerInfo caller) {
    Organization org = load(uscc);
    requireVersion(org, expectedVersion);
    requireActive(org, "amend");
    ValidationOutcome outcome = rules().checkAmendment(request, org.category, BusinessTime.today());
    outcome.throwIfInvalid();

    List<String> changed = new ArrayList<>();
    if (request.name() != null && !request.name().strip().equals(org.name)) {
      requireUniqueName(request.name().strip(), org.uscc);
      org.name = request.name().strip();
      org.normalizedName = NameNormalizer.normalize(org.name);
      changed.add("name");
    }
    if (request.domicile() != null && !request.domicile().strip().equals(org.domicile)) {
      org.domicile = request.domicile().strip();
      changed.add("domicile");
    }
    if (request.legalRepresentative() != null) {
      String before = org.legalRepPersonRef + org.legalRepName;
      setLegalRepresentative(org, request.legalRepresentative());
      if (!before.equals(org.legalRepPersonRef + org.legalRepName)) {
        changed.add("legalRepresentative");
      }
    }
    if (request.businessScope() != null
        && !request.businessScope().strip().equals(org.businessScope)) {
      org.businessScope = request.businessScope().strip();
      changed.add("businessScope");
    }
    if (request.registeredFunds() != null
        && request.registeredFunds().compareTo(org.registeredFunds) != 0) {
      org.registeredFunds = request.registeredFunds();
      changed.add("registeredFunds");
    }
    if (request.supervisoryUnit() != null
        && !Objects.equals(blankToNull(request.supervisoryUnit()), org.supervisoryUnit)) {
      org.supervisoryUnit = blankToNull(request.supervisoryUnit());
      changed.add("supervisoryUnit");
    }
    if (request.registrationAuthority() != null
        && !request.registrationAuthority().strip().equals(org.registrationAuthority)) {
      org.registrationAuthority = request.registrationAuthority().strip();
      changed.add("registrationAuthority");
    }
    if (changed.isEmpty()) {
      return view(org, caller).withWarnings(outcome.warnings());
    }
    org.updatedAt = BusinessTime.now();
    Change change =
        Change.amendment(
            BusinessTime.today(), blankToNull(request.decisionNumber()), "变更登记", changed);
    recorder.record(org, EventTypes.AMENDED, change, caller.name());
    return view(org, caller).withWarnings(outcome.warnings());
  }

  /** 注销: voluntary and terminal; a revoked organization may still be deregistered. */
  @Transactional
  public OrganizationView deregister(
      Uscc uscc, Long expectedVersion, DecisionRequest decision, CallerInfo caller) {
    Organization org = load(uscc);
    requireVersion(org, expectedVersion);
    Change change = DecisionRules.check(decision, BusinessTime.today(), false);
    if (org.status == OrgStatus.DEREGISTERED) {
      throw ProblemException.rule("already-deregistered", uscc + " is already deregistered");
    }
    if (org.revocationDate != null && decision.date().isBefore(org.revocationDate)) {
      throw ProblemException.field(
          "date", "must not be before the revocation date " + org.revocationDate);
    }
    org.status = OrgStatus.DEREGISTERED;
    org.deregistrationDate = decision.date();
    org.updatedAt = BusinessTime.now();
    recorder.record(org, EventTypes.DEREGISTERED, change, caller.name());
    return view(org, caller);
  }

  /**
   * 迁出: the registration ends here (DEREGISTERED) because it continues in another province, whose
   * registry records the transfer-in under the same code.
   */
  @Transactional
  public OrganizationView transferOut(
      Uscc uscc, Long expectedVersion, TransferOutRequest request, CallerInfo caller) {
    Organization org = load(uscc);
    requireVersion(org, expectedVersion);
    ValidationOutcome outcome = new ValidationOutcome();
    if (request.toProvince() == null) {
      outcome.error("toProvince", "is required");
    } else if (request.toProvince() == config.province()) {
      outcome.error("toProvince", "a transfer goes to another province");
    }
    RegistrationRules.checkPastDate(outcome, "date", request.date(), BusinessTime.today(), true);
    TextRules.required(
        outcome, "decisionNumber", request.decisionNumber(), RegistrationRules.NAME_MAX);
    TextRules.optional(outcome, "reason", request.reason(), RegistrationRules.TEXT_MAX);
    outcome.throwIfInvalid();
    requireActive(org, "transfer");
    org.status = OrgStatus.DEREGISTERED;
    org.deregistrationDate = request.date();
    org.updatedAt = BusinessTime.now();
    Change change =
        Change.transfer(
            request.date(),
            request.decisionNumber().strip(),
            request.reason() == null ? "迁出" : request.reason().strip(),
            request.toProvince());
    recorder.record(org, EventTypes.TRANSFERRED_OUT, change, caller.name());
    return view(org, caller);
  }

  /** 撤销登记: terminal; needs a decision number. */
  @Transactional
  public OrganizationView revoke(
      Uscc uscc, Long expectedVersion, DecisionRequest decision, CallerInfo caller) {
    Organization org = load(uscc);
    requireVersion(org, expectedVersion);
    Change change = DecisionRules.check(decision, BusinessTime.today(), true);
    requireActive(org, "revoke");
    markRevoked(org, change);
    recorder.record(org, EventTypes.REVOKED, change, caller.name());
    listings.list(
        org,
        ListKind.SERIOUS,
        SeriousListReason.REVOCATION.name(),
        new StatutoryListings.Decision(
            change.date(),
            change.decisionNumber(),
            RuleIds.PENALTY_BRINGS_LISTING
                + " "
                + StatutoryListings.CREDIT_REGULATION
                + ": 撤销登记 "
                + change.decisionNumber(),
            caller.name()));
    return view(org, caller);
  }

  static void markRevoked(Organization org, Change change) {
    org.status = OrgStatus.REVOKED;
    org.revocationDate = change.date();
    org.revocationReason = change.reason();
    org.revocationDecision = change.decisionNumber();
    org.updatedAt = BusinessTime.now();
  }

  /** The record as this caller may see it (the ID number masked unless they may unmask it). */
  public OrganizationView read(Uscc uscc, CallerInfo caller) {
    return view(load(uscc), caller);
  }

  OrganizationView view(Organization org, CallerInfo caller) {
    return OrganizationMapper.toView(
        org, config.province(), new AccessPolicy(config.province()).mayUnmask(caller));
  }

  Organization load(Uscc uscc) {
    Organization org = Organization.findById(uscc.value());
    if (org == null) {
      throw ProblemException.notFound("no organization with USCC " + uscc + " in this registry");
    }
    return org;
  }

  static void requireActive(Organization org, String action) {
    if (org.status != OrgStatus.ACTIVE) {
      throw ProblemException.rule(
          "not-active", "cannot " + action + " " + org.uscc + ": its status is " + org.status);
    }
  }

  static void requireVersion(Organization org, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != org.version) {
      throw ProblemException.preconditionFailed(
          "If-Match names version " + expectedVersion + " but the record is at " + org.version);
    }
  }

  /** The code of the organization registered here under this name, normalized, if any. */
  private static Optional<String> holderOf(String name) {
    return Organization.<Organization>find("normalizedName", NameNormalizer.normalize(name))
        .firstResultOptional()
        .map(o -> o.uscc);
  }

  private static void requireUniqueName(String name, String exceptUscc) {
    Optional<String> holder = holderOf(name).filter(uscc -> !uscc.equals(exceptUscc));
    if (holder.isPresent()) {
      throw nameTaken(name, holder.get());
    }
  }

  private static ProblemException nameTaken(String name, String holder) {
    return ProblemException.field(
        "name",
        RuleIds.NAME_UNIQUE_IN_PROVINCE
            + ": "
            + holder
            + " is already registered here under a name that reads the same as "
            + name
            + " once normalized ("
            + NameNormalizer.normalize(name)
            + ")");
  }

  private void setLegalRepresentative(
      Organization org, RegistrationRequest.LegalRepresentativeInput input) {
    String id = ResidentIdNumber.normalize(input.idNumber());
    org.legalRepName = input.name().strip();
    org.legalRepIdNumber = id;
    org.legalRepPersonRef =
        PersonReference.of(config.personKey().getBytes(StandardCharsets.UTF_8), id);
  }

  RegistrationRules rules() {
    return new RegistrationRules(config.province(), config.minimumFunds());
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
