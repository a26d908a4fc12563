package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.openTypes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.rules.RuleIds;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every conflict rule of docs/rules.md, raised by registry events and cleared by later ones. */
@QuarkusTest
class ConflictScenarioTest extends PublishingTest {
  private static Change transfer(Province other) {
    return Change.transfer(LocalDate.of(2026, 1, 1), "迁〔2026〕1号", "迁移", other);
  }

  @Test
  void aCodeActiveInTwoProvincesIsFlaggedAndClearsWhenOneDeregisters() {
    Registries.Org home =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市重复登记测试" + UUID.randomUUID());
    Registries.Org copy = Registries.sameCodeIn(home, Province.JS, "江苏省重复登记测试" + UUID.randomUUID());
    applied(
        registries.publish(home, EventTypes.REGISTERED),
        registries.publish(copy, EventTypes.REGISTERED));

    assertThat(openTypes(home.uscc)).containsExactly("DUPLICATE_REGISTRATION", "REGION_MISMATCH");

    copy.status = OrgStatus.DEREGISTERED;
    applied(registries.publish(copy, EventTypes.DEREGISTERED));
    assertThat(openTypes(home.uscc)).isEmpty();
  }

  @Test
  void aRecordedTransferRaisesNothing() {
    Registries.Org home =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市迁移测试" + UUID.randomUUID());
    applied(registries.publish(home, EventTypes.REGISTERED));
    home.status = OrgStatus.DEREGISTERED;
    Registries.Org moved =
        new Registries.Org(
            home.uscc, Province.JS, home.name, OrgCategory.SOCIAL_GROUP, home.personRef);
    moved.transferredFrom = Province.SH;
    applied(
        registries.publish(home, EventTypes.TRANSFERRED_OUT, transfer(Province.JS)),
        registries.publish(moved, EventTypes.TRANSFERRED_IN, transfer(Province.SH)));

    assertThat(openTypes(home.uscc)).isEmpty();
  }

  @Test
  void theSameNormalizedNameInTwoProvincesCollidesButRegionPrefixesKeepNamesApart() {
    String suffix = Long.toString(System.nanoTime());
    Registries.Org sh = Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市軟件行業協會" + suffix);
    Registries.Org js =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "上海市 软件行业协会" + suffix);
    Registries.Org jiangsu =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省软件行业协会" + suffix);
    applied(
        registries.publish(sh, EventTypes.REGISTERED),
        registries.publish(js, EventTypes.REGISTERED),
        registries.publish(jiangsu, EventTypes.REGISTERED));

    assertThat(openTypes(sh.uscc)).containsExactly("NAME_COLLISION");
    assertThat(openTypes(jiangsu.uscc)).isEmpty();

    js.name = "江苏省昆山市软件协会" + suffix;
    applied(registries.publish(js, EventTypes.AMENDED));
    assertThat(openTypes(sh.uscc)).isEmpty();
  }

  @Test
  void theConflictListCountsItsMatchesUnlessAPollerAsksItNotTo() {
    Registries.Org sh = registries.collideNames("上海市计数协会" + System.nanoTime()).sh();
    assertThat(openTypes(sh.uscc)).containsExactly("NAME_COLLISION");

    var counted = conflictsOf(sh.uscc, null);
    assertThat(counted.getInt("total")).isEqualTo(1);
    assertThat(counted.getList("items")).hasSize(1);

    var uncounted = conflictsOf(sh.uscc, false);
    assertThat(uncounted.getMap("$")).doesNotContainKey("total");
    assertThat(uncounted.getList("items.id")).isEqualTo(counted.getList("items.id"));
  }

  private static io.restassured.path.json.JsonPath conflictsOf(String uscc, Boolean total) {
    var request = Await.auditor().queryParam("uscc", uscc).queryParam("type", "NAME_COLLISION");
    if (total != null) {
      request = request.queryParam("total", total);
    }
    return request.get("/api/v1/conflicts").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void onePersonLeadingTwoSocialGroupsIsFlaggedAndAFoundationsRepresentativeLeadsNothingElse() {
    String person = Registries.person();
    Registries.Org sh =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市兼任测试" + UUID.randomUUID());
    Registries.Org js =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省兼任测试" + UUID.randomUUID());
    Registries.Org foundation =
        Registries.org(Province.ZJ, OrgCategory.FOUNDATION, "浙江省兼任基金会" + UUID.randomUUID());
    sh.personRef = person;
    js.personRef = person;
    applied(
        registries.publish(sh, EventTypes.REGISTERED),
        registries.publish(js, EventTypes.REGISTERED));
    assertThat(openRuleIds(sh.uscc)).containsExactly(RuleIds.SOCIAL_GROUP_REP_CONCURRENT);

    // 基金会管理条例 art. 23: a foundation's representative may represent no other organization.
    foundation.personRef = person;
    applied(registries.publish(foundation, EventTypes.REGISTERED));
    assertThat(openRuleIds(foundation.uscc)).containsExactly(RuleIds.FOUNDATION_REP_EXCLUSIVE);
    assertThat(openRuleIds(sh.uscc))
        .containsExactly(RuleIds.SOCIAL_GROUP_REP_CONCURRENT, RuleIds.FOUNDATION_REP_EXCLUSIVE);

    js.personRef = Registries.person();
    applied(registries.publish(js, EventTypes.AMENDED));
    assertThat(openRuleIds(sh.uscc)).containsExactly(RuleIds.FOUNDATION_REP_EXCLUSIVE);
    foundation.personRef = Registries.person();
    applied(registries.publish(foundation, EventTypes.AMENDED));
    assertThat(openRuleIds(sh.uscc)).isEmpty();
  }

  private static List<String> openRuleIds(String uscc) {
    return Await.openConflicts(uscc).stream().map(c -> (String) c.get("ruleId")).sorted().toList();
  }

  @Test
  void theRepresentativeOfARecentlyRevokedOrganizationIsBarred() {
    String person = Registries.person();
    Registries.Org revoked =
        Registries.org(
            Province.SH, OrgCategory.SOCIAL_SERVICE_INSTITUTION, "上海市撤销测试" + UUID.randomUUID());
    Registries.Org foundation =
        Registries.org(Province.ZJ, OrgCategory.FOUNDATION, "浙江省任职基金会" + UUID.randomUUID());
    Registries.Org longAgo =
        Registries.org(
            Province.AH, OrgCategory.SOCIAL_SERVICE_INSTITUTION, "安徽省旧撤销测试" + UUID.randomUUID());
    Registries.Org other =
        Registries.org(Province.JS, OrgCategory.FOUNDATION, "江苏省任职基金会" + UUID.randomUUID());
    revoked.personRef = person;
    foundation.personRef = person;
    longAgo.personRef = Registries.person();
    other.personRef = longAgo.personRef;
    applied(
        registries.publish(revoked, EventTypes.REGISTERED),
        registries.publish(foundation, EventTypes.REGISTERED),
        registries.publish(longAgo, EventTypes.REGISTERED),
        registries.publish(other, EventTypes.REGISTERED));
    revoked.status = OrgStatus.REVOKED;
    revoked.revoked = LocalDate.now().minusYears(1);
    longAgo.status = OrgStatus.REVOKED;
    longAgo.revoked = LocalDate.now().minusYears(6);
    applied(
        registries.publish(revoked, EventTypes.REVOKED),
        registries.publish(longAgo, EventTypes.REVOKED));

    assertThat(Await.openConflicts(foundation.uscc))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("type")).isEqualTo("LEGAL_REP_BARRED");
              assertThat(c.get("severity")).isEqualTo("HIGH");
            });
    assertThat(openTypes(other.uscc)).isEmpty();
  }

  @Test
  void homeRevocationWhileAnotherProvinceHoldsTheCodeIsADivergence() {
    Registries.Org home =
        Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省分歧测试" + UUID.randomUUID());
    Registries.Org copy =
        new Registries.Org(
            home.uscc,
            Province.ZJ,
            "浙江省分歧测试" + UUID.randomUUID(),
            OrgCategory.SOCIAL_GROUP,
            home.personRef);
    applied(
        registries.publish(home, EventTypes.REGISTERED),
        registries.publish(copy, EventTypes.REGISTERED));
    home.status = OrgStatus.REVOKED;
    home.revoked = LocalDate.now().minusDays(3);
    applied(registries.publish(home, EventTypes.REVOKED));

    assertThat(openTypes(home.uscc)).containsExactly("REGION_MISMATCH", "STATUS_DIVERGENCE");

    copy.status = OrgStatus.DEREGISTERED;
    applied(registries.publish(copy, EventTypes.DEREGISTERED));
    assertThat(openTypes(home.uscc)).isEmpty();
  }

  @Test
  void aListedOrganizationKeepingItsGradeIsFlaggedUntilTheListingEnds() {
    Registries.Org org =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市评级测试" + UUID.randomUUID());
    org.grade = Grade.awarded(4, LocalDate.now().minusYears(1));
    applied(registries.publish(org, EventTypes.REGISTERED));
    assertThat(openTypes(org.uscc)).isEmpty();

    org.abnormal = true;
    applied(registries.publish(org, EventTypes.ABNORMAL_LISTED));
    assertThat(openTypes(org.uscc)).containsExactly("SANCTION_RATING");

    org.abnormal = false;
    applied(registries.publish(org, EventTypes.ABNORMAL_REMOVED));
    assertThat(openTypes(org.uscc)).isEmpty();
  }

  @Test
  void aSequenceGapOpenPastTheThresholdIsFlaggedAndClearsWhenFilled() {
    Registries.Org first =
        Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省序号测试" + UUID.randomUUID());
    applied(registries.publish(first, EventTypes.REGISTERED));
    long missing = Registries.skip(Province.AH);
    Registries.Org after =
        Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省序号测试" + UUID.randomUUID());
    applied(registries.publish(after, EventTypes.REGISTERED));

    Await.until(
        () -> !gapConflicts("OPEN").isEmpty(), "SEQUENCE_GAP raised after the 2 s threshold");
    assertThat(((Map<?, ?>) gapConflicts("OPEN").get(0).get("evidence")).get("missingFrom"))
        .isEqualTo((int) missing);

    Registries.Org late =
        Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省迟到" + UUID.randomUUID());
    applied(
        registries.send(
            Province.AH,
            EventTypes.REGISTERED,
            late.uscc,
            new cn.yrd.contracts.registry.RegistryEvent(
                late.next(), Change.simple(LocalDate.now(), null, "late")),
            missing,
            UUID.randomUUID()));
    Await.until(() -> gapConflicts("OPEN").isEmpty(), "SEQUENCE_GAP resolved");
  }

  private static List<Map<String, Object>> gapConflicts(String status) {
    return Await.auditor()
        .queryParam("type", "SEQUENCE_GAP")
        .queryParam("status", status)
        .get("/api/v1/conflicts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }
}
