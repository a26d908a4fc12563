package cn.yrd.recognition.service.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.Snapshot;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The conflict rules (docs/rules.md, R-CONFLICT-01 to 09) as tables of records and dates. */
class ConflictRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final String SH_CODE = code(Province.SH, "310115", OrgCategory.SOCIAL_GROUP, 7);
  private static final String JS_CODE = code(Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 8);
  private static final String ZJ_FOUNDATION =
      code(Province.ZJ, "330100", OrgCategory.FOUNDATION, 9);
  private static final String AH_FOUNDATION =
      code(Province.AH, "340100", OrgCategory.FOUNDATION, 3);
  private static final String AH_INSTITUTION =
      code(Province.AH, "340100", OrgCategory.SOCIAL_SERVICE_INSTITUTION, 4);
  private static final String MINISTRY_CODE = "53100000500021676K";

  private static String code(Province p, String division, OrgCategory category, long serial) {
    return UsccGenerator.generate(p, division, category, serial).value();
  }

  private static Snapshot sh(String uscc) {
    return Snapshot.of(uscc, Province.SH);
  }

  private static Snapshot js(String uscc) {
    return Snapshot.of(uscc, Province.JS);
  }

  private static Snapshot zj(String uscc) {
    return Snapshot.of(uscc, Province.ZJ);
  }

  private static Snapshot ah(String uscc) {
    return Snapshot.of(uscc, Province.AH);
  }

  private static List<OrgSnapshot> records(Snapshot... snapshots) {
    return Arrays.stream(snapshots).map(Snapshot::build).toList();
  }

  private static List<String> ruleIds(List<Condition> conditions) {
    return conditions.stream().map(Condition::ruleId).sorted().toList();
  }

  static Stream<Arguments> organizations() {
    return Stream.of(
        Arguments.of(
            "active in two provinces: a duplicate, and a mismatch where it was not issued",
            records(sh(SH_CODE), js(SH_CODE)),
            false,
            List.of(RuleIds.DUPLICATE_REGISTRATION, RuleIds.REGION_MISMATCH)),
        Arguments.of(
            "a recorded transfer is neither duplicate, nor mismatch, nor divergence",
            records(
                sh(SH_CODE).transferredTo(Province.JS), js(SH_CODE).transferredFrom(Province.SH)),
            true,
            List.of()),
        Arguments.of(
            "a code of the ministry held without a transfer is a mismatch",
            records(sh(MINISTRY_CODE)),
            false,
            List.of(RuleIds.REGION_MISMATCH)),
        Arguments.of(
            "the home revoked while a recognition is live diverges",
            records(js(JS_CODE).revokedOn(TODAY)),
            true,
            List.of(RuleIds.STATUS_DIVERGENCE)),
        Arguments.of(
            "the home revoked with nothing else holding it does not",
            records(js(JS_CODE).revokedOn(TODAY)),
            false,
            List.of()),
        Arguments.of(
            "a transfer the home never recorded diverges once the home revokes",
            records(sh(SH_CODE).revokedOn(TODAY), zj(SH_CODE).transferredFrom(Province.SH)),
            false,
            List.of(RuleIds.STATUS_DIVERGENCE)),
        Arguments.of(
            "the home is the end of the transfer chain: SH to JS to ZJ, ZJ revoked, recognized",
            records(
                sh(SH_CODE).transferredTo(Province.JS),
                js(SH_CODE).transferredFrom(Province.SH).transferredTo(Province.ZJ),
                zj(SH_CODE).transferredFrom(Province.JS).revokedOn(TODAY)),
            true,
            List.of(RuleIds.STATUS_DIVERGENCE)),
        Arguments.of(
            "a listed organization with a grade valid until tomorrow",
            records(sh(SH_CODE).grade(4, TODAY.plusDays(1)).abnormal()),
            false,
            List.of(RuleIds.SANCTION_RATING)),
        Arguments.of(
            "a listed organization whose grade expires today",
            records(sh(SH_CODE).grade(4, TODAY).abnormal()),
            false,
            List.of()),
        Arguments.of(
            "a serious-listed organization with a valid grade",
            records(sh(SH_CODE).grade(3, TODAY.plusYears(2)).serious()),
            false,
            List.of(RuleIds.SANCTION_RATING)),
        Arguments.of(
            "a revoked record keeps its grade and listing, but no province holds it any more",
            records(sh(SH_CODE).grade(4, TODAY.plusYears(1)).abnormal().revokedOn(TODAY)),
            false,
            List.of()),
        Arguments.of(
            "two ACTIVE records with different grades",
            records(
                sh(SH_CODE).grade(4, TODAY.plusYears(1)), js(SH_CODE).grade(5, TODAY.plusYears(3))),
            false,
            List.of(
                RuleIds.DUPLICATE_REGISTRATION, RuleIds.REGION_MISMATCH, RuleIds.SANCTION_RATING)),
        Arguments.of(
            "a transferred-out record keeps its old grade: no second grade",
            records(
                sh(SH_CODE).grade(5, TODAY.plusYears(1)).transferredTo(Province.JS),
                js(SH_CODE).transferredFrom(Province.SH).grade(4, TODAY.plusYears(3))),
            false,
            List.of()),
        Arguments.of(
            "a clean graded organization",
            records(sh(SH_CODE).grade(4, TODAY.plusYears(1))),
            false,
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("organizations")
  void organizationRules(
      String name, List<OrgSnapshot> records, boolean liveRecognition, List<String> expected) {
    Uscc uscc = records.get(0).uscc();
    assertThat(ruleIds(ConflictRules.forOrganization(uscc, records, liveRecognition, TODAY)))
        .containsExactlyElementsOf(expected.stream().sorted().toList());
  }

  static Stream<Arguments> persons() {
    LocalDate leap = LocalDate.of(2024, 2, 29);
    return Stream.of(
        Arguments.of(
            "two ACTIVE social groups",
            records(sh(SH_CODE), js(JS_CODE)),
            TODAY,
            List.of(RuleIds.SOCIAL_GROUP_REP_CONCURRENT)),
        Arguments.of(
            "a social group and a social service institution",
            records(sh(SH_CODE), ah(AH_INSTITUTION)),
            TODAY,
            List.of()),
        Arguments.of(
            "a foundation and a social group: art. 23 forbids any other",
            records(zj(ZJ_FOUNDATION), sh(SH_CODE)),
            TODAY,
            List.of(RuleIds.FOUNDATION_REP_EXCLUSIVE)),
        Arguments.of(
            "a foundation and a social service institution",
            records(zj(ZJ_FOUNDATION), ah(AH_INSTITUTION)),
            TODAY,
            List.of(RuleIds.FOUNDATION_REP_EXCLUSIVE)),
        Arguments.of(
            "two foundations",
            records(zj(ZJ_FOUNDATION), ah(AH_FOUNDATION)),
            TODAY,
            List.of(RuleIds.FOUNDATION_REP_EXCLUSIVE)),
        Arguments.of("a foundation alone", records(zj(ZJ_FOUNDATION)), TODAY, List.of()),
        Arguments.of(
            "a foundation and a deregistered social group",
            records(zj(ZJ_FOUNDATION), sh(SH_CODE).status(OrgStatus.DEREGISTERED)),
            TODAY,
            List.of()),
        Arguments.of(
            "revoked a year ago, now representing an ACTIVE social group",
            records(sh(SH_CODE).revokedOn(TODAY.minusYears(1)), js(JS_CODE)),
            TODAY,
            List.of(RuleIds.LEGAL_REP_BARRED)),
        Arguments.of(
            "the day before the bar ends",
            records(sh(SH_CODE).revokedOn(TODAY.minusYears(5).plusDays(1)), js(JS_CODE)),
            TODAY,
            List.of(RuleIds.LEGAL_REP_BARRED)),
        Arguments.of(
            "the day the bar ends",
            records(sh(SH_CODE).revokedOn(TODAY.minusYears(5)), js(JS_CODE)),
            TODAY,
            List.of()),
        Arguments.of(
            "the day after the bar ends",
            records(sh(SH_CODE).revokedOn(TODAY.minusYears(5).minusDays(1)), js(JS_CODE)),
            TODAY,
            List.of()),
        Arguments.of(
            "revoked on 29 February: still barred on 28 February five years on",
            records(sh(SH_CODE).revokedOn(leap), js(JS_CODE)),
            LocalDate.of(2029, 2, 28),
            List.of(RuleIds.LEGAL_REP_BARRED)),
        Arguments.of(
            "revoked on 29 February: free on 1 March five years on",
            records(sh(SH_CODE).revokedOn(leap), js(JS_CODE)),
            LocalDate.of(2029, 3, 1),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("persons")
  void personRules(String name, List<OrgSnapshot> records, LocalDate today, List<String> expected) {
    assertThat(ruleIds(ConflictRules.forPerson("p", records, today, 5)))
        .containsExactlyElementsOf(expected.stream().sorted().toList());
  }

  @Test
  void aBarIsHighWhenTheActiveOrganizationIsAFoundationMediumOtherwise() {
    LocalDate lastYear = TODAY.minusYears(1);
    assertThat(
            ConflictRules.forPerson(
                "p", records(sh(SH_CODE).revokedOn(lastYear), zj(ZJ_FOUNDATION)), TODAY, 5))
        .singleElement()
        .extracting(Condition::severity)
        .isEqualTo(Severity.HIGH);
    assertThat(
            ConflictRules.forPerson(
                "p", records(sh(SH_CODE).revokedOn(lastYear), js(JS_CODE)), TODAY, 5))
        .singleElement()
        .extracting(Condition::severity)
        .isEqualTo(Severity.MEDIUM);
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("one name, two codes, two provinces", records(sh(SH_CODE), js(JS_CODE)), true),
        Arguments.of("one code in two provinces", records(sh(SH_CODE), js(SH_CODE)), false),
        Arguments.of(
            "the other is deregistered",
            records(sh(SH_CODE), js(JS_CODE).status(OrgStatus.DEREGISTERED)),
            false),
        Arguments.of("two codes in one province", records(sh(SH_CODE), sh(JS_CODE)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void nameRule(String name, List<OrgSnapshot> records, boolean collides) {
    assertThat(ConflictRules.forName("名称", records).isPresent()).isEqualTo(collides);
  }

  @Test
  void everyConditionCarriesItsRuleIdInTheEvidence() {
    assertThat(ConflictRules.forName("名称", records(sh(SH_CODE), js(JS_CODE))))
        .get()
        .satisfies(c -> assertThat(c.evidence()).containsEntry("ruleId", RuleIds.NAME_COLLISION));
  }

  @Test
  void aGapIsAConflictOnlyWhenOpenPastTheThreshold() {
    assertThat(ConflictRules.forSequence(Province.AH, 3, 5, true)).isPresent();
    assertThat(ConflictRules.forSequence(Province.AH, 3, 5, false)).isEmpty();
    assertThat(ConflictRules.forSequence(Province.AH, 5, 5, true)).isEmpty();
  }
}
