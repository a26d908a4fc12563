package cn.yrd.registry.service;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccValidator;
import cn.yrd.contracts.UsccViolation;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.AmendmentRequest;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.registry.api.TextLimits;
import cn.yrd.registry.config.RegistryConfig.MinimumFunds;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a registration or an amendment must pass before anything is stored: the code (GB
 * 32100), the record's fields, and the representative (docs/rules.md, R-PERSON-01 and 02).
 */
public final class RegistrationRules {
  static final int NAME_MAX = TextLimits.NAME;
  static final int PERSON_NAME_MAX = TextLimits.PERSON_NAME;
  static final int TEXT_MAX = TextLimits.TEXT;
  static final int SCOPE_MAX = TextLimits.SCOPE;
  static final BigDecimal FUNDS_MAX = new BigDecimal("9999999999999999.99");

  private final Province registry;
  private final MinimumFunds minimumFunds;

  public RegistrationRules(Province registry, MinimumFunds minimumFunds) {
    this.registry = registry;
    this.minimumFunds = minimumFunds;
  }

  /** The USCC as stored: trimmed and upper-case. */
  public static String normalizeUscc(String uscc) {
    return uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
  }

  public ValidationOutcome checkNew(RegistrationRequest request, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    checkUscc(outcome, request);
    TextRules.required(outcome, "name", request.name(), NAME_MAX);
    checkLegalRepresentative(outcome, request.legalRepresentative(), true, decisionDate(request));
    TextRules.required(outcome, "domicile", request.domicile(), TEXT_MAX);
    TextRules.required(outcome, "businessScope", request.businessScope(), SCOPE_MAX);
    TextRules.optional(outcome, "supervisoryUnit", request.supervisoryUnit(), TEXT_MAX);
    TextRules.required(outcome, "registrationAuthority", request.registrationAuthority(), TEXT_MAX);
    checkFunds(outcome, request.registeredFunds(), request.category(), true);
    checkPastDate(outcome, "establishmentDate", request.establishmentDate(), today, true);
    return outcome;
  }

  public ValidationOutcome checkAmendment(
      AmendmentRequest request, OrgCategory category, LocalDate today) {
    ValidationOutcome outcome = new ValidationOutcome();
    boolean anything =
        request.name() != null
            || request.domicile() != null
            || request.legalRepresentative() != null
            || request.businessScope() != null
            || request.registeredFunds() != null
            || request.supervisoryUnit() != null
            || request.registrationAuthority() != null;
    if (!anything) {
      outcome.error("", "an amendment must change at least one field");
    }
    if (request.name() != null) {
      TextRules.required(outcome, "name", request.name(), NAME_MAX);
    }
    if (request.domicile() != null) {
      TextRules.required(outcome, "domicile", request.domicile(), TEXT_MAX);
    }
    if (request.businessScope() != null) {
      TextRules.required(outcome, "businessScope", request.businessScope(), SCOPE_MAX);
    }
    if (request.registrationAuthority() != null) {
      TextRules.required(
          outcome, "registrationAuthority", request.registrationAuthority(), TEXT_MAX);
    }
    TextRules.optional(outcome, "supervisoryUnit", request.supervisoryUnit(), TEXT_MAX);
    TextRules.optional(outcome, "decisionNumber", request.decisionNumber(), NAME_MAX);
    checkLegalRepresentative(outcome, request.legalRepresentative(), false, today);
    checkFunds(outcome, request.registeredFunds(), category, false);
    return outcome;
  }

  private void checkUscc(ValidationOutcome outcome, RegistrationRequest request) {
    String code = normalizeUscc(request.uscc());
    if (code == null || code.isEmpty()) {
      outcome.error("uscc", "is required");
      return;
    }
    Optional<UsccViolation> violation = UsccValidator.checkCivilAffairs(code);
    if (violation.isPresent()) {
      outcome.error("uscc", violation.get().rule() + ": " + violation.get().message());
      return;
    }
    Uscc uscc = Uscc.parse(code);
    OrgCategory fromCode = uscc.category().orElseThrow();
    if (request.category() == null) {
      outcome.error("category", "is required");
    } else if (request.category() != fromCode) {
      outcome.error(
          "category",
          "CATEGORY: is "
              + request.category()
              + " but USCC position 2 '"
              + fromCode.codeChar()
              + "' means "
              + fromCode);
    }
    checkRegion(outcome, uscc, request.transferIn());
  }

  private void checkRegion(
      ValidationOutcome outcome, Uscc uscc, RegistrationRequest.TransferIn transferIn) {
    if (transferIn != null) {
      if (transferIn.fromProvince() == null) {
        outcome.error("transferIn.fromProvince", "is required");
      } else if (transferIn.fromProvince() == registry) {
        outcome.error("transferIn.fromProvince", "a transfer comes from another province");
      }
      if (transferIn.date() == null) {
        outcome.error("transferIn.date", "is required");
      }
      TextRules.required(
          outcome, "transferIn.decisionNumber", transferIn.decisionNumber(), NAME_MAX);
      return;
    }
    if (!registry.contains(uscc.divisionCode())) {
      outcome.error(
          "uscc",
          "DIVISION_CODE: division "
              + uscc.divisionCode()
              + " is not in "
              + registry
              + " ("
              + registry.chineseName()
              + "); only a recorded transfer-in may bring a code from elsewhere");
    }
  }

  /** The day the registration is decided: the transfer's for a transfer-in, else establishment. */
  private static LocalDate decisionDate(RegistrationRequest request) {
    return request.transferIn() != null ? request.transferIn().date() : request.establishmentDate();
  }

  /**
   * The representative's ID number must be valid (GB 11643, a real province code: R-PERSON-01) and
   * its holder an adult on the day of the decision (R-PERSON-02).
   */
  private static void checkLegalRepresentative(
      ValidationOutcome outcome,
      RegistrationRequest.LegalRepresentativeInput legalRep,
      boolean required,
      LocalDate decidedOn) {
    if (legalRep == null) {
      if (required) {
        outcome.error("legalRepresentative", "is required");
      }
      return;
    }
    TextRules.required(outcome, "legalRepresentative.name", legalRep.name(), PERSON_NAME_MAX);
    if (legalRep.idNumber() == null || legalRep.idNumber().isBlank()) {
      outcome.error("legalRepresentative.idNumber", "is required");
    } else {
      Optional<String> problem = ResidentIdNumber.check(legalRep.idNumber());
      if (problem.isPresent()) {
        outcome.error("legalRepresentative.idNumber", problem.get());
      } else if (decidedOn != null && !ResidentIdNumber.isAdultOn(legalRep.idNumber(), decidedOn)) {
        outcome.error(
            "legalRepresentative.idNumber",
            RuleIds.PERSON_ADULT
                + ": the legal representative, born "
                + ResidentIdNumber.birthDate(legalRep.idNumber())
                + ", is not 18 on "
                + decidedOn);
      }
    }
  }

  private void checkFunds(
      ValidationOutcome outcome, BigDecimal funds, OrgCategory category, boolean required) {
    if (funds == null) {
      if (required) {
        outcome.error("registeredFunds", "is required");
      }
      return;
    }
    if (funds.signum() < 0) {
      outcome.error("registeredFunds", "must be zero or more");
    } else if (funds.scale() > 2 || funds.compareTo(FUNDS_MAX) > 0) {
      outcome.error("registeredFunds", "must have at most 16 digits and 2 decimals");
    } else if (category != null) {
      BigDecimal minimum = minimumFor(category);
      if (minimum != null && funds.compareTo(minimum) < 0) {
        outcome.warn(
            "registeredFunds "
                + funds.toPlainString()
                + " CNY is below the usual minimum of "
                + minimum.toPlainString()
                + " CNY for "
                + category);
      }
    }
  }

  private BigDecimal minimumFor(OrgCategory category) {
    return switch (category) {
      case SOCIAL_GROUP -> minimumFunds.socialGroup();
      case SOCIAL_SERVICE_INSTITUTION -> minimumFunds.socialServiceInstitution();
      case FOUNDATION -> minimumFunds.foundation();
      case OTHER -> null;
    };
  }

  /** A date that must not lie in the future. */
  static void checkPastDate(
      ValidationOutcome outcome, String field, LocalDate date, LocalDate today, boolean required) {
    if (date == null) {
      if (required) {
        outcome.error(field, "is required");
      }
    } else if (date.isAfter(today)) {
      outcome.error(field, "must not be in the future (today is " + today + ")");
    } else if (date.getYear() < 1949) {
      outcome.error(field, "must not be before 1949");
    }
  }
}
