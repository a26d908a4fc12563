package cn.yrd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.registry.api.AmendmentRequest;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.registry.config.RegistryConfig.MinimumFunds;
import cn.yrd.support.validation.ValidationOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final MinimumFunds MINIMUMS =
      new MinimumFunds() {
        @Override
        public BigDecimal socialGroup() {
          return new BigDecimal("30000");
        }

        @Override
        public BigDecimal socialServiceInstitution() {
          return new BigDecimal("30000");
        }

        @Override
        public BigDecimal foundation() {
          return new BigDecimal("2000000");
        }
      };
  private final RegistrationRules rules = new RegistrationRules(Province.SH, MINIMUMS);

  private static RegistrationRequest valid(
      String uscc, OrgCategory category, String funds, LocalDate established) {
    return represented(
        uscc,
        category,
        funds,
        established,
        ResidentIdNumber.compose("310115", LocalDate.of(1980, 1, 1), 1));
  }

  private static RegistrationRequest represented(
      String uscc, OrgCategory category, String funds, LocalDate established, String idNumber) {
    return new RegistrationRequest(
        uscc,
        "上海市软件行业协会",
        category,
        new RegistrationRequest.LegalRepresentativeInput("张伟", idNumber),
        "上海市浦东新区世纪大道100号",
        "行业自律",
        new BigDecimal(funds),
        null,
        "上海市民政局",
        established,
        null);
  }

  private static String sh(OrgCategory category) {
    return UsccGenerator.generate(Province.SH, "310115", category, 42).value();
  }

  @ParameterizedTest(name = "born {0}, established {1}: accepted {2}")
  @CsvSource({
    "2008-11-27, 2026-11-27, false",
    "2008-11-26, 2026-11-27, true",
    "1990-06-01, 2007-01-01, false",
    "1990-06-01, 2008-06-02, true"
  })
  void theRepresentativeIsAnAdultOnTheDayOfTheDecision(
      LocalDate born, LocalDate established, boolean accepted) {
    ValidationOutcome outcome =
        rules.checkNew(
            represented(
                sh(OrgCategory.SOCIAL_GROUP),
                OrgCategory.SOCIAL_GROUP,
                "100000",
                established,
                ResidentIdNumber.compose("310115", born, 3)),
            TODAY);
    assertThat(outcome.errors().isEmpty()).isEqualTo(accepted);
    if (!accepted) {
      assertThat(outcome.errors().get(0).message()).contains("R-PERSON-02");
    }
  }

  @Test
  void refusesAnIdNumberWhoseProvinceCodeDoesNotExist() {
    ValidationOutcome outcome =
        rules.checkNew(
            represented(
                sh(OrgCategory.SOCIAL_GROUP),
                OrgCategory.SOCIAL_GROUP,
                "100000",
                TODAY,
                ResidentIdNumber.compose("990101", LocalDate.of(1980, 1, 1), 3)),
            TODAY);
    assertThat(outcome.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("R-PERSON-01"));
  }

  @Test
  void acceptsAValidRegistration() {
    ValidationOutcome outcome =
        rules.checkNew(
            valid(sh(OrgCategory.SOCIAL_GROUP), OrgCategory.SOCIAL_GROUP, "100000", TODAY), TODAY);
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0} with {1} CNY → warning {2}")
  @CsvSource({
    "SOCIAL_GROUP, 29999.99, true",
    "SOCIAL_GROUP, 30000, false",
    "FOUNDATION, 1999999, true",
    "FOUNDATION, 2000000, false",
    "SOCIAL_SERVICE_INSTITUTION, 100, true",
    "OTHER, 0, false",
  })
  void warnsBelowTheCategoryMinimum(OrgCategory category, String funds, boolean warned) {
    ValidationOutcome outcome = rules.checkNew(valid(sh(category), category, funds, TODAY), TODAY);
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.warnings().isEmpty()).isEqualTo(!warned);
  }

  @ParameterizedTest(name = "{0}: error on {1} mentioning {2}")
  @CsvSource({
    "uscc-lowercase-alphabet, uscc, ALPHABET",
    "uscc-market-regulation, uscc, AUTHORITY_KIND",
    "uscc-jiangsu, uscc, DIVISION_CODE",
    "category-mismatch, category, position 2",
    "future-date, establishmentDate, future",
    "negative-funds, registeredFunds, zero or more",
  })
  void rejectsEachBrokenRule(String scenario, String field, String messagePart) {
    RegistrationRequest request =
        switch (scenario) {
          case "uscc-lowercase-alphabet" ->
              valid("53100000500021676i", OrgCategory.FOUNDATION, "3000000", TODAY);
          case "uscc-market-regulation" ->
              valid("91350100M000100Y43", OrgCategory.SOCIAL_GROUP, "100000", TODAY);
          case "uscc-jiangsu" ->
              valid(
                  UsccGenerator.generate(Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 1)
                      .value(),
                  OrgCategory.SOCIAL_GROUP,
                  "100000",
                  TODAY);
          case "category-mismatch" ->
              valid(sh(OrgCategory.SOCIAL_GROUP), OrgCategory.FOUNDATION, "3000000", TODAY);
          case "future-date" ->
              valid(
                  sh(OrgCategory.SOCIAL_GROUP),
                  OrgCategory.SOCIAL_GROUP,
                  "100000",
                  TODAY.plusDays(1));
          case "negative-funds" ->
              valid(sh(OrgCategory.SOCIAL_GROUP), OrgCategory.SOCIAL_GROUP, "-1", TODAY);
          default -> throw new IllegalArgumentException(scenario);
        };
    assertThat(rules.checkNew(request, TODAY).errors())
        .anySatisfy(
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.message()).contains(messagePart);
            });
  }

  @Test
  void acceptsAForeignCodeOnlyWithATransferFromAnotherProvince() {
    String jiangsu =
        UsccGenerator.generate(Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 1).value();
    RegistrationRequest base = valid(jiangsu, OrgCategory.SOCIAL_GROUP, "100000", TODAY);
    RegistrationRequest transferred =
        withTransfer(base, new RegistrationRequest.TransferIn(Province.JS, "苏民迁〔2026〕1号", TODAY));
    RegistrationRequest fromItself =
        withTransfer(base, new RegistrationRequest.TransferIn(Province.SH, "x", TODAY));

    assertThat(rules.checkNew(transferred, TODAY).errors()).isEmpty();
    assertThat(rules.checkNew(fromItself, TODAY).errors())
        .extracting(e -> e.field())
        .containsExactly("transferIn.fromProvince");
  }

  @Test
  void rejectsControlCharactersAndOverlongText() {
    RegistrationRequest base =
        valid(sh(OrgCategory.SOCIAL_GROUP), OrgCategory.SOCIAL_GROUP, "100000", TODAY);
    AmendmentRequest amendment =
        new AmendmentRequest("上海市\u0000协会", "x".repeat(501), null, null, null, null, null, null);
    assertThat(rules.checkAmendment(amendment, base.category(), TODAY).errors())
        .extracting(e -> e.field())
        .containsExactlyInAnyOrder("name", "domicile");
  }

  @Test
  void refusesAnEmptyAmendment() {
    AmendmentRequest empty = new AmendmentRequest(null, null, null, null, null, null, null, null);
    assertThat(rules.checkAmendment(empty, OrgCategory.SOCIAL_GROUP, TODAY).errors()).hasSize(1);
  }

  private static RegistrationRequest withTransfer(
      RegistrationRequest r, RegistrationRequest.TransferIn transfer) {
    return new RegistrationRequest(
        r.uscc(),
        r.name(),
        r.category(),
        r.legalRepresentative(),
        r.domicile(),
        r.businessScope(),
        r.registeredFunds(),
        r.supervisoryUnit(),
        r.registrationAuthority(),
        r.establishmentDate(),
        transfer);
  }
}
