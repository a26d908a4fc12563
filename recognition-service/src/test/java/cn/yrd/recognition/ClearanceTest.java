package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 登记前核查: a registry asks before it registers; only the asking province sees the details. */
@QuarkusTest
class ClearanceTest extends PublishingTest {
  private static final String CLEARANCE = "/api/v1/clearance";

  private static Map<String, Object> intended(String uscc, String name, String personRef) {
    Map<String, Object> body = new HashMap<>();
    body.put("uscc", uscc);
    body.put("normalizedName", name);
    body.put("category", "SOCIAL_GROUP");
    body.put("personRef", personRef);
    return body;
  }

  @Test
  void aSecondSocialGroupOfTheSameRepresentativeWouldConflictAndOnlyTheAskingProvinceSeesWhere() {
    Registries.Org js =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省核查测试协会" + UUID.randomUUID());
    applied(registries.publish(js, EventTypes.REGISTERED));
    String shCode = Registries.code(Province.SH, OrgCategory.SOCIAL_GROUP);

    String id =
        as(Roles.REGISTRAR, Province.SH)
            .body(intended(shCode, "上海市核查测试协会" + UUID.randomUUID(), js.personRef))
            .post(CLEARANCE)
            .then()
            .statusCode(200)
            .body("outcome", is("WOULD_CONFLICT"))
            .body("findings.ruleId", contains("R-CONFLICT-04"))
            .body("findings[0].severity", is("HIGH"))
            // Level 1 names no province and no organization.
            .body("findings[0].provinces", nullValue())
            .body("findings[0].organizations", nullValue())
            .body("clearanceId", notNullValue())
            .extract()
            .path("clearanceId");

    as(Roles.REGISTRAR, Province.JS).get(CLEARANCE + "/" + id + "/details").then().statusCode(403);
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .get(CLEARANCE + "/" + id + "/details")
        .then()
        .statusCode(403);
    long disclosedBefore = disclosures(shCode);
    as(Roles.REGISTRAR, Province.SH)
        .get(CLEARANCE + "/" + id + "/details")
        .then()
        .statusCode(200)
        .body("uscc", is(shCode))
        .body("findings[0].ruleId", is("R-CONFLICT-04"))
        .body("findings[0].provinces", contains("JS", "SH"))
        .body("findings[0].organizations.uscc", contains(js.uscc))
        .body("findings[0].organizations[0].province", is("JS"));
    assertThat(disclosures(shCode))
        .as("the look is published for the audit log")
        .isEqualTo(disclosedBefore + 1);
  }

  @Test
  void aCodeActiveInAnotherProvinceWouldBeADuplicate() {
    Registries.Org zj =
        Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省核查重码协会" + UUID.randomUUID());
    applied(registries.publish(zj, EventTypes.REGISTERED));
    as(Roles.REGISTRAR, Province.AH)
        .body(intended(zj.uscc, "安徽省核查重码协会" + UUID.randomUUID(), Registries.person()))
        .post(CLEARANCE)
        .then()
        .statusCode(200)
        .body("outcome", is("WOULD_CONFLICT"))
        .body("findings.ruleId", hasItem("R-CONFLICT-01"));
  }

  @Test
  void aRegistrationLikeNoOtherIsClearUnlessAProvincesEventsHaveAGap() {
    String outcome =
        as(Roles.REGISTRAR, Province.SH)
            .body(
                intended(
                    Registries.code(Province.SH, OrgCategory.SOCIAL_GROUP),
                    "上海市独一无二协会" + UUID.randomUUID(),
                    Registries.person()))
            .post(CLEARANCE)
            .then()
            .statusCode(200)
            .extract()
            .path("outcome");
    boolean gap =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    SequenceTracker.<SequenceTracker>listAll().stream()
                        .anyMatch(t -> t.highest > t.contiguous));
    assertThat(outcome).isEqualTo(gap ? "INSUFFICIENT_DATA" : "CLEAR");
  }

  @Test
  void withoutAPersonReferenceTheAnswerSaysWhatWasNotChecked() {
    as(Roles.REGISTRAR, Province.SH)
        .body(
            intended(
                Registries.code(Province.SH, OrgCategory.SOCIAL_GROUP),
                "上海市缺少代表人协会" + UUID.randomUUID(),
                null))
        .post(CLEARANCE)
        .then()
        .statusCode(200)
        .body("outcome", is("INSUFFICIENT_DATA"))
        .body("missing[0]", startsWith("personRef"));
  }

  @Test
  void refusesABadCodeOrReferenceAndAnUnknownAnswer() {
    as(Roles.REGISTRAR, Province.SH)
        .body(intended("51310115000004212X", "x", Registries.person()))
        .post(CLEARANCE)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("uscc"));
    as(Roles.REGISTRAR, Province.SH)
        .body(intended(Registries.code(Province.SH, OrgCategory.SOCIAL_GROUP), "x", "ABC"))
        .post(CLEARANCE)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("personRef"));
    as(Roles.REGISTRAR, Province.SH)
        .get(CLEARANCE + "/" + UUID.randomUUID() + "/details")
        .then()
        .statusCode(404);
    as(Roles.READER, Province.SH)
        .body(intended(Registries.code(Province.SH, OrgCategory.SOCIAL_GROUP), "x", null))
        .post(CLEARANCE)
        .then()
        .statusCode(403);
  }

  private static long disclosures(String uscc) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                OutboxEvent.count(
                    "eventType = ?1 and subject = ?2", EventTypes.CLEARANCE_DISCLOSED, uscc));
  }
}
