package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.recognition.WebhookReceiver.Answer;
import cn.yrd.recognition.WebhookReceiver.Received;
import cn.yrd.recognition.service.webhook.WebhookSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 风险信息预警, pushed: each province's notifications reach its endpoint, signed, in order. */
@QuarkusTest
class WebhookTest extends PublishingTest {
  private WebhookReceiver receiver;
  private final List<Province> registered = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stopListening() {
    registered.forEach(p -> as(Roles.REGISTRAR, p).delete(webhook(p)).then().statusCode(204));
    receiver.close();
  }

  @Test
  void deliversInOrderThroughFailuresWithoutHoldingBackAnotherProvince() {
    String shSecret = register(Province.SH);
    register(Province.JS);
    // Shanghai's endpoint fails its first request each way a real one can; Jiangsu's never fails.
    receiver.script("SH", Answer.FAIL_500, Answer.TOO_LATE, Answer.CLOSE_CONNECTION);

    List<String> organizations = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      organizations.add(recognizeInShanghai("江苏省推送顺序协会" + i + UUID.randomUUID()));
    }

    Await.until(() -> receiver.deliveredTo("JS").size() == 3, "Jiangsu's three deliveries");
    Await.until(() -> receiver.deliveredTo("SH").size() == 3, "Shanghai's three deliveries");
    assertThat(receiver.deliveredTo("JS").stream().map(WebhookTest::uscc))
        .containsExactlyElementsOf(organizations);
    assertThat(receiver.deliveredTo("SH").stream().map(WebhookTest::uscc))
        .as("the rest waited, in order, behind the failing one")
        .containsExactlyElementsOf(organizations);
    assertThat(receiver.deliveredTo("JS").get(2).header("webhook-timestamp"))
        .as("Jiangsu was not held back by Shanghai's retries")
        .isLessThanOrEqualTo(receiver.deliveredTo("SH").get(0).header("webhook-timestamp"));

    List<Received> shRequests = receiver.receivedBy("SH");
    assertThat(shRequests.subList(0, 4).stream().map(r -> r.header("webhook-id")).distinct())
        .as("every attempt of one delivery carries its idempotency id")
        .hasSize(1);
    for (Received r : shRequests) {
      assertThat(r.header("webhook-signature"))
          .isEqualTo(
              WebhookSignature.sign(
                  shSecret,
                  r.header("webhook-id"),
                  Long.parseLong(r.header("webhook-timestamp")),
                  r.body()));
      assertThat(JsonPath.from(r.body()).getString("type"))
          .isEqualTo(EventTypes.RECOGNITION_GRANTED);
    }
    JsonPath firstDelivery =
        as(Roles.REGISTRAR, Province.SH)
            .queryParam("status", "DELIVERED")
            .queryParam("limit", 100)
            .get(webhook(Province.SH) + "/deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(firstDelivery.getList("items.attempts", Integer.class)).containsExactly(1, 1, 4);
  }

  @Test
  void aDeliveryThatKeepsFailingIsDeadLetteredVisibleAndReplayed() {
    register(Province.ZJ);
    receiver.otherwise("ZJ", Answer.FAIL_500);
    String failed = recognizeInShanghai(Province.ZJ, "浙江省推送死信协会" + UUID.randomUUID());
    Await.until(() -> deadLetters().size() == 1, "the delivery dead-lettered");
    Map<String, Object> dead = deadLetters().get(0);
    assertThat(dead).containsEntry("attempts", 4).containsEntry("lastError", "answered 500");

    receiver.otherwise("ZJ", Answer.OK);
    String next = recognizeInShanghai(Province.ZJ, "浙江省推送死信后续协会" + UUID.randomUUID());
    Await.until(() -> receiver.deliveredTo("ZJ").size() == 1, "the next delivery");
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .post(webhook(Province.ZJ) + "/deliveries/" + dead.get("id") + "/replay")
        .then()
        .statusCode(403);
    as(Roles.SUPERVISOR, Province.ZJ)
        .post(webhook(Province.ZJ) + "/deliveries/" + dead.get("id") + "/replay")
        .then()
        .statusCode(200)
        .body("status", is("PENDING"));
    Await.until(() -> receiver.deliveredTo("ZJ").size() == 2, "the replayed delivery");
    List<Received> delivered = receiver.deliveredTo("ZJ");
    assertThat(delivered.stream().map(WebhookTest::uscc)).containsExactly(next, failed);
    assertThat(delivered.get(1).header("webhook-id")).isEqualTo(dead.get("id"));
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void onlyTheProvinceItselfRegistersAnHttpUrlAndTheSecretIsShownOnce() {
    as(Roles.REGISTRAR, Province.JS)
        .body(Map.of("url", receiver.url("SH")))
        .put(webhook(Province.SH))
        .then()
        .statusCode(403);
    as(Roles.READER, Province.SH)
        .body(Map.of("url", receiver.url("SH")))
        .put(webhook(Province.SH))
        .then()
        .statusCode(403);
    for (String url : List.of("ftp://example.org/x", "not a url", "https:///no-host", "")) {
      as(Roles.REGISTRAR, Province.SH)
          .body(Map.of("url", url))
          .put(webhook(Province.SH))
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
    as(Roles.REGISTRAR, Province.SH).get(webhook(Province.SH)).then().statusCode(404);
    String secret = register(Province.SH);
    assertThat(secret).startsWith("whsec_");
    as(Roles.AUDITOR, null)
        .get(webhook(Province.SH))
        .then()
        .statusCode(200)
        .body("url", is(receiver.url("SH")))
        .body("registeredBy", is("registrar-SH"))
        .body("secret", is((String) null));
    assertThat(register(Province.SH))
        .as("registering again rotates the secret")
        .isNotEqualTo(secret);
    registered.remove(Province.SH);
  }

  private String register(Province province) {
    registered.add(province);
    return as(Roles.REGISTRAR, province)
        .body(Map.of("url", receiver.url(province.name())))
        .put(webhook(province))
        .then()
        .statusCode(200)
        .extract()
        .path("secret");
  }

  private static String webhook(Province province) {
    return "/api/v1/webhooks/" + province;
  }

  private String recognizeInShanghai(String name) {
    return recognizeInShanghai(Province.JS, name);
  }

  /** An organization of the home province recognized in Shanghai: both are notified. */
  private String recognizeInShanghai(Province home, String name) {
    Registries.Org org = Registries.org(home, OrgCategory.SOCIAL_GROUP, name);
    applied(registries.publish(org, EventTypes.REGISTERED));
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("uscc", org.uscc, "hostProvince", "SH", "scope", "OPERATE"))
        .post("/api/v1/recognitions")
        .then()
        .statusCode(201);
    return org.uscc;
  }

  private static List<Map<String, Object>> deadLetters() {
    return as(Roles.REGISTRAR, Province.ZJ)
        .queryParam("status", "DEAD")
        .get(webhook(Province.ZJ) + "/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static String uscc(Received r) {
    return JsonPath.from(r.body()).getString("data.uscc");
  }
}
