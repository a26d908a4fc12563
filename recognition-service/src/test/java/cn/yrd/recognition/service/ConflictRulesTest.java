package cn.yrd.recognition.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final String SH_CODE =
      UsccGenerator.generate(Province.SH, "310115", OrgCategory.SOCIAL_GROUP, 7).value();
  private static final String JS_CODE =
      UsccGenerator.generate(Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 8).value();
  private static final String ZJ_FOUNDATION =
      UsccGenerator.generate(Province.ZJ, "330100", OrgCategory.FOUNDATION, 9).value();

  private static OrgSnapshot record(String uscc, Province in, OrgStatus status) {
    return new OrgSnapshot(
        uscc,
        in,
        "名称",
        "名称",
        Uscc.parse(uscc).category().orElseThrow(),
        status,
        "p",
        null,
        null,
        false,
        false,
        null,
        null,
        null);
  }

  private static OrgSnapshot with(
      OrgSnapshot r,
      String person,
      Integer grade,
      boolean abnormal,
      LocalDate revoked,
      Province from,
      Province to) {
    return new OrgSnapshot(
        r.uscc(),
        r.province(),
        r.name(),
        r.normalizedName(),
        r.category(),
        r.status(),
        person,
        grade,
        grade == null ? null : TODAY.plusYears(1),
        abnormal,
        false,
        revoked,
        from,
        to);
  }

  private static List<ConflictType> types(List<Condition> conditions) {
    return conditions.stream().map(Condition::type).toList();
  }

  @Test
  void aCodeActiveInTwoProvincesIsADuplicateAndAMismatchWhereItDoesNotBelong() {
    var conditions =
        ConflictRules.forOrganization(
            SH_CODE,
            List.of(
                record(SH_CODE, Province.SH, OrgStatus.ACTIVE),
                record(SH_CODE, Province.JS, OrgStatus.ACTIVE)),
            false,
            TODAY);
    assertThat(types(conditions))
        .containsExactlyInAnyOrder(
            ConflictType.DUPLICATE_REGISTRATION, ConflictType.REGION_MISMATCH);
    assertThat(conditions)
        .filteredOn(c -> c.type() == ConflictType.REGION_MISMATCH)
        .extracting(Condition::provinces)
        .containsExactly(List.of("JS"));
  }

  @Test
  void aRecordedTransferIsNeitherDuplicateNorMismatchNorDivergence() {
    OrgSnapshot home =
        with(
            record(SH_CODE, Province.SH, OrgStatus.DEREGISTERED),
            "p",
            null,
            false,
            null,
            null,
            Province.JS);
    OrgSnapshot moved =
        with(
            record(SH_CODE, Province.JS, OrgStatus.ACTIVE),
            "p",
            null,
            false,
            null,
            Province.SH,
            null);
    assertThat(ConflictRules.forOrganization(SH_CODE, List.of(home, moved), true, TODAY)).isEmpty();
  }

  @Test
  void homeRevokedWhileAnotherProvinceOrARecognitionStillHoldsItIsADivergence() {
    OrgSnapshot home = record(JS_CODE, Province.JS, OrgStatus.REVOKED);
    assertThat(types(ConflictRules.forOrganization(JS_CODE, List.of(home), true, TODAY)))
        .containsExactly(ConflictType.STATUS_DIVERGENCE);
    assertThat(ConflictRules.forOrganization(JS_CODE, List.of(home), false, TODAY)).isEmpty();
  }

  @Test
  void aTransferInTheHomeNeverRecordedDivergesOnceTheHomeRevokes() {
    OrgSnapshot home = record(SH_CODE, Province.SH, OrgStatus.REVOKED);
    OrgSnapshot claimed =
        with(
            record(SH_CODE, Province.ZJ, OrgStatus.ACTIVE),
            "p",
            null,
            false,
            null,
            Province.SH,
            null);
    assertThat(types(ConflictRules.forOrganization(SH_CODE, List.of(home, claimed), false, TODAY)))
        .containsExactly(ConflictType.STATUS_DIVERGENCE);
  }

  @Test
  void aListedOrganizationWithAValidGradeOrTwoDifferentGradesIsASanctionRatingConflict() {
    OrgSnapshot listed =
        with(record(SH_CODE, Province.SH, OrgStatus.ACTIVE), "p", 4, true, null, null, null);
    assertThat(types(ConflictRules.forOrganization(SH_CODE, List.of(listed), false, TODAY)))
        .containsExactly(ConflictType.SANCTION_RATING);
    OrgSnapshot a =
        with(record(SH_CODE, Province.SH, OrgStatus.ACTIVE), "p", 4, false, null, null, null);
    OrgSnapshot b =
        with(
            record(SH_CODE, Province.JS, OrgStatus.DEREGISTERED),
            "p",
            5,
            false,
            null,
            Province.SH,
            null);
    assertThat(types(ConflictRules.forOrganization(SH_CODE, List.of(a, b), false, TODAY)))
        .containsExactly(ConflictType.SANCTION_RATING);
    OrgSnapshot clean =
        with(record(SH_CODE, Province.SH, OrgStatus.ACTIVE), "p", 4, false, null, null, null);
    assertThat(ConflictRules.forOrganization(SH_CODE, List.of(clean), false, TODAY)).isEmpty();
  }

  @Test
  void sameNameAcrossProvincesCollidesButNotWithinOneProvinceOrOneCode() {
    OrgSnapshot sh = record(SH_CODE, Province.SH, OrgStatus.ACTIVE);
    OrgSnapshot js = record(JS_CODE, Province.JS, OrgStatus.ACTIVE);
    assertThat(ConflictRules.forName("名称", List.of(sh, js))).isPresent();
    assertThat(
            ConflictRules.forName(
                "名称", List.of(sh, record(SH_CODE, Province.JS, OrgStatus.ACTIVE))))
        .isEmpty();
    assertThat(
            ConflictRules.forName(
                "名称", List.of(sh, record(JS_CODE, Province.JS, OrgStatus.DEREGISTERED))))
        .isEmpty();
  }

  @Test
  void onePersonRepresentingTwoActiveSocialGroupsIsConcurrentButASocialGroupAndAFoundationIsNot() {
    OrgSnapshot a =
        with(
            record(SH_CODE, Province.SH, OrgStatus.ACTIVE),
            "person",
            null,
            false,
            null,
            null,
            null);
    OrgSnapshot b =
        with(
            record(JS_CODE, Province.JS, OrgStatus.ACTIVE),
            "person",
            null,
            false,
            null,
            null,
            null);
    OrgSnapshot foundation =
        with(
            record(ZJ_FOUNDATION, Province.ZJ, OrgStatus.ACTIVE),
            "person",
            null,
            false,
            null,
            null,
            null);
    assertThat(types(ConflictRules.forPerson("person", List.of(a, b), TODAY, 5)))
        .containsExactly(ConflictType.LEGAL_REP_CONCURRENT);
    assertThat(ConflictRules.forPerson("person", List.of(a, foundation), TODAY, 5)).isEmpty();
  }

  @Test
  void aRecentRevocationBarsTheRepresentativeHighForFoundationsAndOnlyForFiveYears() {
    OrgSnapshot revoked =
        with(
            record(SH_CODE, Province.SH, OrgStatus.REVOKED),
            "person",
            null,
            false,
            TODAY.minusYears(1),
            null,
            null);
    OrgSnapshot old =
        with(
            record(SH_CODE, Province.SH, OrgStatus.REVOKED),
            "person",
            null,
            false,
            TODAY.minusYears(6),
            null,
            null);
    OrgSnapshot foundation =
        with(
            record(ZJ_FOUNDATION, Province.ZJ, OrgStatus.ACTIVE),
            "person",
            null,
            false,
            null,
            null,
            null);
    OrgSnapshot group =
        with(
            record(JS_CODE, Province.JS, OrgStatus.ACTIVE),
            "person",
            null,
            false,
            null,
            null,
            null);

    assertThat(ConflictRules.forPerson("person", List.of(revoked, foundation), TODAY, 5))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(ConflictType.LEGAL_REP_BARRED);
              assertThat(c.severity()).isEqualTo(Severity.HIGH);
            });
    assertThat(ConflictRules.forPerson("person", List.of(revoked, group), TODAY, 5))
        .singleElement()
        .extracting(Condition::severity)
        .isEqualTo(Severity.MEDIUM);
    assertThat(ConflictRules.forPerson("person", List.of(old, foundation), TODAY, 5)).isEmpty();
  }

  @Test
  void aGapIsAConflictOnlyWhenOpenPastTheThreshold() {
    assertThat(ConflictRules.forSequence(Province.AH, 3, 5, true)).isPresent();
    assertThat(ConflictRules.forSequence(Province.AH, 3, 5, false)).isEmpty();
    assertThat(ConflictRules.forSequence(Province.AH, 5, 5, true)).isEmpty();
  }
}
