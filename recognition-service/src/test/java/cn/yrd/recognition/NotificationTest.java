package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 风险信息预警: notifications to the provinces concerned, and their receipts. */
@QuarkusTest
class NotificationTest extends PublishingTest {
  private static final String NOTIFICATIONS = "/api/v1/notifications";

  /** The notifications about one organization that a caller sees. */
  private static List<Map<String, Object>> about(String uscc, String role, Province province) {
    JsonPath page =
        as(role, province)
            .queryParam("limit", 200)
            .get(NOTIFICATIONS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return page.<Map<String, Object>>getList("items").stream()
        .filter(n -> uscc.equals(n.get("uscc")))
        .toList();
  }

  @Test
  void aConflictOpenedIsToldToTheProvincesItInvolvesAndEachAcknowledgesItsOwn() {
    Registries.Collision collision = registries.collideNames("上海市预警测试" + UUID.randomUUID());
    String shCode = collision.sh().uscc;
    Await.until(() -> about(shCode, Roles.REGISTRAR, Province.SH).size() == 1, "SH notified");
    Map<String, Object> toShanghai = about(shCode, Roles.REGISTRAR, Province.SH).get(0);
    assertThat(toShanghai)
        .containsEntry("kind", "CONFLICT_OPENED")
        .containsEntry("ruleId", "R-CONFLICT-03")
        .containsEntry("severity", "HIGH")
        .containsEntry("province", "SH")
        .doesNotContainKey("acknowledgedBy");
    assertThat(about(shCode, Roles.REGISTRAR, Province.ZJ)).hasSize(1);
    assertThat(about(shCode, Roles.REGISTRAR, Province.JS)).isEmpty();
    as(Roles.REGISTRAR, Province.JS)
        .queryParam("province", "SH")
        .get(NOTIFICATIONS)
        .then()
        .statusCode(403);

    String id = (String) toShanghai.get("id");
    String receipt = NOTIFICATIONS + "/" + id + "/acknowledgement";
    as(Roles.REGISTRAR, Province.ZJ).post(receipt).then().statusCode(403);
    as(Roles.READER, Province.SH).post(receipt).then().statusCode(403);
    String acknowledgedAt =
        as(Roles.RECOGNITION_OFFICER, Province.SH)
            .post(receipt)
            .then()
            .statusCode(200)
            .body("acknowledgedBy", is("recognition-officer-SH"))
            .extract()
            .path("acknowledgedAt");
    as(Roles.REGISTRAR, Province.SH)
        .post(receipt)
        .then()
        .statusCode(200)
        .body("acknowledgedBy", is("recognition-officer-SH"))
        .body("acknowledgedAt", is(acknowledgedAt));
    assertThat(receipts(shCode)).as("one receipt published for the audit log").isEqualTo(1);

    // Zhejiang has not acknowledged its copy: past the time allowed (1 s in tests) it is overdue.
    String zjCopy = (String) about(shCode, Roles.REGISTRAR, Province.ZJ).get(0).get("id");
    Await.until(
        () ->
            Await.auditor()
                .queryParam("province", "ZJ")
                .queryParam("overdue", true)
                .queryParam("limit", 200)
                .get(NOTIFICATIONS)
                .then()
                .extract()
                .jsonPath()
                .getList("items.id")
                .contains(zjCopy),
        "ZJ's copy overdue");
    assertThat(
            Await.auditor()
                .queryParam("province", "SH")
                .queryParam("overdue", true)
                .queryParam("limit", 200)
                .get(NOTIFICATIONS)
                .then()
                .extract()
                .jsonPath()
                .getList("items.id"))
        .doesNotContain(id);
    Await.until(
        () ->
            given()
                .get("/q/metrics")
                .then()
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith("yrd_notifications_overdue{") && l.contains("\"ZJ\""))
                .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
        "yrd_notifications_overdue for ZJ");
  }

  @Test
  void aRecognitionDecisionIsToldToItsHomeAndItsHost() {
    Registries.Org js =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省预警决定协会" + UUID.randomUUID());
    applied(registries.publish(js, EventTypes.REGISTERED));
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("uscc", js.uscc, "hostProvince", "SH", "scope", "OPERATE"))
        .post("/api/v1/recognitions")
        .then()
        .statusCode(201)
        .body("status", is("GRANTED"));
    for (Province province : List.of(Province.JS, Province.SH)) {
      assertThat(about(js.uscc, Roles.REGISTRAR, province))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n).containsEntry("kind", "RECOGNITION_DECIDED");
                assertThat(n).containsEntry("severity", "LOW");
                assertThat(n).containsEntry("type", EventTypes.RECOGNITION_GRANTED);
              });
    }
    assertThat(about(js.uscc, Roles.REGISTRAR, Province.ZJ)).isEmpty();
  }

  private static long receipts(String uscc) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                OutboxEvent.count(
                    "eventType = ?1 and subject = ?2", EventTypes.NOTIFICATION_ACKNOWLEDGED, uscc));
  }
}
