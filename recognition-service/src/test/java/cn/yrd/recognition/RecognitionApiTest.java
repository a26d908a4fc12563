package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecognitionApiTest extends PublishingTest {
  private static final String RECOGNITIONS = "/api/v1/recognitions";

  private Registries.Org registeredInJiangsu(String label) {
    Registries.Org org =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省" + label + UUID.randomUUID());
    applied(registries.publish(org, EventTypes.REGISTERED));
    return org;
  }

  private static String request(Registries.Org org, String scope, int status, String expected) {
    return as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("uscc", org.uscc, "hostProvince", "SH", "scope", scope))
        .post(RECOGNITIONS)
        .then()
        .statusCode(status)
        .body("status", is(expected))
        .extract()
        .path("id");
  }

  private static String status(String id) {
    return Await.auditor()
        .get(RECOGNITIONS + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  @Test
  void grantsAndRevokesWhenTheHomeRegistryRevokesPublishingBoth() {
    Registries.Org org = registeredInJiangsu("互认测试");
    String id = request(org, "OPERATE", 201, "GRANTED");
    Await.auditor()
        .get(RECOGNITIONS + "/" + id)
        .then()
        .body("homeProvince", is("JS"))
        .body("reasons", contains("ALL_CHECKS_PASSED"))
        .body("decidedBy", is("AUTO"));

    org.status = OrgStatus.REVOKED;
    org.revoked = LocalDate.now();
    applied(registries.publish(org, EventTypes.REVOKED));

    assertThat(status(id)).isEqualTo("REVOKED");
    Await.auditor().get(RECOGNITIONS + "/" + id).then().body("reasons", hasItem("HOME_REVOKED"));
    List<ConsumerRecord<String, String>> published =
        TopicReader.read(
            bootstrapServers,
            Topics.RECOGNITION,
            r ->
                org.uscc.equals(r.key())
                    && TopicReader.type(r).contains(".recognition.")
                    && !TopicReader.type(r).contains("conflict"),
            3);
    assertThat(published)
        .extracting(TopicReader::type)
        .containsExactly(
            EventTypes.RECOGNITION_REQUESTED,
            EventTypes.RECOGNITION_GRANTED,
            EventTypes.RECOGNITION_REVOKED);
    assertThat(published.get(2).value()).contains("HOME_REVOKED");
  }

  @Test
  void suspendsWhileTheHomeListsItAsAbnormalAndReinstatesAfter() {
    Registries.Org org = registeredInJiangsu("暂停测试");
    String id = request(org, "OFFICE", 201, "GRANTED");
    org.abnormal = true;
    applied(registries.publish(org, EventTypes.ABNORMAL_LISTED));
    assertThat(status(id)).isEqualTo("SUSPENDED");
    org.abnormal = false;
    applied(registries.publish(org, EventTypes.ABNORMAL_REMOVED));
    assertThat(status(id)).isEqualTo("GRANTED");
  }

  @Test
  void sendsAnAbnormalListedOrganizationToReviewByTheHostOnly() {
    Registries.Org org = registeredInJiangsu("审核测试");
    org.abnormal = true;
    applied(registries.publish(org, EventTypes.ABNORMAL_LISTED));
    String id = request(org, "OPERATE", 201, "PENDING_REVIEW");

    Map<String, Object> grant = Map.of("decision", "GRANTED", "note", "已核实");
    as(Roles.RECOGNITION_OFFICER, Province.ZJ)
        .body(grant)
        .post(RECOGNITIONS + "/" + id + "/decision")
        .then()
        .statusCode(403);
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("decision", "GRANTED"))
        .post(RECOGNITIONS + "/" + id + "/decision")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("note"));
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(grant)
        .post(RECOGNITIONS + "/" + id + "/decision")
        .then()
        .statusCode(200)
        .body("status", is("GRANTED"))
        .body("decidedBy", notNullValue());
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(grant)
        .post(RECOGNITIONS + "/" + id + "/decision")
        .then()
        .statusCode(422)
        .body("type", containsString("not-pending"));
  }

  @Test
  void rejectsWhenAHighConflictInvolvesTheOrganization() {
    Registries.Org org = registeredInJiangsu("冲突拒绝");
    Registries.Org copy = Registries.sameCodeIn(org, Province.AH, "安徽省冲突拒绝" + UUID.randomUUID());
    applied(registries.publish(copy, EventTypes.REGISTERED));
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(
            Map.of(
                "uscc", org.uscc, "hostProvince", "SH", "scope", "OPERATE", "homeProvince", "JS"))
        .post(RECOGNITIONS)
        .then()
        .statusCode(201)
        .body("status", is("REJECTED"))
        .body("reasons", hasItem("OPEN_HIGH_CONFLICT"));
  }

  @Test
  void recognizesAGradeWithItsOriginalExpiryAndRevokesItWhenWithdrawn() {
    Registries.Org org =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省评级互认" + UUID.randomUUID());
    org.grade = Grade.awarded(5, LocalDate.now().minusYears(2));
    applied(registries.publish(org, EventTypes.REGISTERED));
    String id = request(org, "GRADE", 201, "GRANTED");
    Await.auditor()
        .get(RECOGNITIONS + "/" + id)
        .then()
        .body("recognizedGrade.level", is(5))
        .body("recognizedGrade.expiresOn", is(org.grade.expiresOn().toString()));

    org.grade = null;
    applied(registries.publish(org, EventTypes.GRADE_WITHDRAWN));
    assertThat(status(id)).isEqualTo("REVOKED");
  }

  @Test
  void aRecognizedGradeFollowsTheHomesDowngradeAndRenewal() {
    Registries.Org org =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省等级跟随" + UUID.randomUUID());
    org.grade = Grade.awarded(5, LocalDate.now().minusYears(4));
    applied(registries.publish(org, EventTypes.REGISTERED));
    String id = request(org, "OPERATE", 201, "GRANTED");

    org.grade = new Grade(3, org.grade.awardedOn(), org.grade.expiresOn());
    applied(registries.publish(org, EventTypes.AMENDED));
    Await.auditor()
        .get(RECOGNITIONS + "/" + id)
        .then()
        .body("recognizedGrade.level", is(3))
        .body("recognizedGrade.expiresOn", is(org.grade.expiresOn().toString()))
        .body("reasons", hasItem("GRADE_UPDATED"))
        .body("ruleIds", hasItem("R-RECOG-05"));

    org.grade = Grade.awarded(4, LocalDate.now());
    applied(registries.publish(org, EventTypes.GRADE_AWARDED));
    Await.auditor()
        .get(RECOGNITIONS + "/" + id)
        .then()
        .body("recognizedGrade.level", is(4))
        .body("recognizedGrade.expiresOn", is(org.grade.expiresOn().toString()));
  }

  @Test
  void refusesAHomeProvinceOtherThanTheOneTheRecordsGive() {
    Registries.Org org = registeredInJiangsu("迁移链");
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(
            Map.of(
                "uscc", org.uscc, "hostProvince", "SH", "scope", "OPERATE", "homeProvince", "ZJ"))
        .post(RECOGNITIONS)
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].field", is("homeProvince"))
        .body("errors[0].message", containsString("R-HOME-01"));
  }

  @Test
  void onlyTheHostsOfficerOrTheHomesRegistrarMayRequest() {
    Registries.Org org = registeredInJiangsu("权限测试");
    Map<String, Object> body = Map.of("uscc", org.uscc, "hostProvince", "SH", "scope", "OPERATE");
    as(Roles.RECOGNITION_OFFICER, Province.ZJ)
        .body(body)
        .post(RECOGNITIONS)
        .then()
        .statusCode(403)
        .contentType(Problem.MEDIA_TYPE);
    as(Roles.READER, Province.SH).body(body).post(RECOGNITIONS).then().statusCode(403);
    as(Roles.REGISTRAR, Province.JS).body(body).post(RECOGNITIONS).then().statusCode(201);
    as(Roles.REGISTRAR, Province.JS).body(body).post(RECOGNITIONS).then().statusCode(409);
    as(Roles.REGISTRAR, Province.JS)
        .body(Map.of("uscc", org.uscc, "hostProvince", "JS", "scope", "OPERATE"))
        .post(RECOGNITIONS)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("hostProvince"));
    as(Roles.REGISTRAR, Province.JS)
        .body(Map.of("uscc", "123", "hostProvince", "SH", "scope", "OPERATE"))
        .post(RECOGNITIONS)
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("LENGTH"));
  }

  @Test
  void showsTheCrossProvinceViewWithRecognitionsAndFreshness() {
    Registries.Org org = registeredInJiangsu("视图测试");
    request(org, "OPERATE", 201, "GRANTED");
    Await.auditor()
        .get("/api/v1/organizations/" + org.uscc)
        .then()
        .statusCode(200)
        .body("records[0].province", is("JS"))
        .body("records[0].state.name", is(org.name))
        .body("recognitions[0].status", is("GRANTED"))
        .body("asOf.JS", notNullValue());
    Await.auditor()
        .get("/api/v1/persons/" + org.personRef + "/organizations")
        .then()
        .statusCode(200)
        .body("items[0].uscc", is(org.uscc))
        .body("total", is(1));
    Await.auditor().get("/api/v1/organizations/53100000500021676K").then().statusCode(404);
    Await.auditor()
        .get("/api/v1/organizations/not-a-code")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Await.auditor()
        .queryParam("uscc", "51320583000000421X")
        .get("/api/v1/conflicts")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("uscc"));
    Await.auditor()
        .get("/api/v1/statistics")
        .then()
        .statusCode(200)
        .body("organizations.JS.SOCIAL_GROUP.ACTIVE.none", notNullValue());
    Await.auditor()
        .get("/api/v1/data-quality")
        .then()
        .statusCode(200)
        .body("items.province", hasItems("SH", "JS", "ZJ", "AH"));
  }

  @Test
  void officersOfAnInvolvedProvinceWorkTheConflictAndItIsNotRaisedAgainUnchanged() {
    Registries.Collision collision = registries.collideNames("上海市工作流" + System.nanoTime());
    Registries.Org sh = collision.sh();
    Registries.Org zj = collision.zj();
    String id = (String) Await.openConflicts(sh.uscc).get(0).get("id");
    String path = "/api/v1/conflicts/" + id;

    as(Roles.RECOGNITION_OFFICER, Province.AH)
        .body(Map.of("note", "x"))
        .post(path + "/acknowledge")
        .then()
        .statusCode(403);
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of())
        .post(path + "/acknowledge")
        .then()
        .statusCode(422);
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("note", "已通知浙江省民政厅"))
        .post(path + "/acknowledge")
        .then()
        .statusCode(200)
        .body("status", is("ACKNOWLEDGED"))
        .body("acknowledgedBy", notNullValue());
    as(Roles.RECOGNITION_OFFICER, Province.ZJ)
        .body(Map.of("note", "不同组织，名称已核实"))
        .post(path + "/dismiss")
        .then()
        .statusCode(200)
        .body("status", is("DISMISSED"))
        .body("resolution", is("OFFICER"));

    zj.businessScopeTouch();
    applied(registries.publish(zj, EventTypes.AMENDED));
    assertThat(Await.openConflicts(sh.uscc)).isEmpty();
  }
}
