package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Name search that forgives (pg_trgm), and the Reconciliation Service API on top of it. */
@QuarkusTest
class NameSearchTest extends PublishingTest {
  private static final String MATCHES = "/api/v1/organizations/name-matches";
  private static final String RECONCILE = "/api/v1/reconcile";

  /** A code registered under a name with a unique tag, so other tests' records rank below it. */
  private String registered(Province province, String name) {
    Registries.Org org = Registries.org(province, OrgCategory.SOCIAL_GROUP, name);
    applied(registries.publish(org, EventTypes.REGISTERED));
    return org.uscc;
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void findsANameDespiteAMissingWordTraditionalCharactersAndSpaces() {
    String tag = tag();
    String code = registered(Province.SH, "上海市软件行业协会" + tag);
    for (String asked : List.of("上海软件行业协会" + tag, "上海市 軟件行業協會 " + tag, "上海市软件行协会" + tag)) {
      JsonPath matches =
          as(Roles.READER, Province.JS)
              .queryParam("name", asked)
              .get(MATCHES)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(matches.getString("items[0].organization.uscc")).as(asked).isEqualTo(code);
      assertThat(matches.getString("items[0].organization.province")).isEqualTo("SH");
      assertThat(matches.getDouble("items[0].score")).isBetween(0.3, 1.0);
    }
    assertThat(
            as(Roles.READER, Province.JS)
                .queryParam("name", "上海市軟件行業協會" + tag)
                .get(MATCHES)
                .then()
                .extract()
                .jsonPath()
                .getDouble("items[0].score"))
        .as("traditional characters normalize to the same name")
        .isEqualTo(1.0);
  }

  @Test
  void ranksTheCloserNameFirstAndKeepsToTheProvinceAsked() {
    String tag = tag();
    String close = registered(Province.JS, "江苏省环境保护协会" + tag);
    String farther = registered(Province.ZJ, "浙江省环境保护学会" + tag);
    JsonPath matches =
        as(Roles.AUDITOR, null)
            .queryParam("name", "江苏环境保护协会" + tag)
            .queryParam("limit", 50)
            .get(MATCHES)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> codes = matches.getList("items.organization.uscc");
    assertThat(codes).contains(close, farther);
    assertThat(codes.indexOf(close)).isLessThan(codes.indexOf(farther));
    assertThat(
            as(Roles.AUDITOR, null)
                .queryParam("name", "江苏环境保护协会" + tag)
                .queryParam("province", "ZJ")
                .get(MATCHES)
                .then()
                .extract()
                .jsonPath()
                .getList("items.organization.uscc", String.class))
        .contains(farther)
        .doesNotContain(close);
  }

  @Test
  void refusesAMissingOrOverlongNameAndAnOutOfRangeLimit() {
    as(Roles.READER, Province.SH).get(MATCHES).then().statusCode(422);
    as(Roles.READER, Province.SH).queryParam("name", "。，、").get(MATCHES).then().statusCode(422);
    as(Roles.READER, Province.SH)
        .queryParam("name", "协".repeat(101))
        .get(MATCHES)
        .then()
        .statusCode(422);
    as(Roles.READER, Province.SH)
        .queryParam("name", "协会")
        .queryParam("limit", 51)
        .get(MATCHES)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given().queryParam("name", "协会").get(MATCHES).then().statusCode(401);
  }

  @Test
  void servesTheReconciliationManifestOpenRefineReads() {
    given()
        .get(RECONCILE)
        .then()
        .statusCode(200)
        .body("versions", hasItem("0.2"))
        .body("identifierSpace", is("https://yrd.local/ns/uscc"))
        .body("schemaSpace", is("https://yrd.local/ns/schema"))
        .body("defaultTypes[0].id", is("SocialOrganization"))
        .body("view.url", org.hamcrest.Matchers.endsWith("/api/v1/organizations/{{id}}"));
  }

  @Test
  void reconcilesABatchOfNamesAsTheProtocolAsks() {
    String tag = tag();
    String sh = registered(Province.SH, "上海市慈善基金联合会" + tag);
    String ah = registered(Province.AH, "安徽省慈善基金联合会" + tag);
    String queries =
        "{\"q0\": {\"query\": \"上海市慈善基金联合会"
            + tag
            + "\", \"limit\": 3},"
            + " \"q1\": {\"query\": \"慈善基金联合会"
            + tag
            + "\", \"type\": \"SocialOrganization\","
            + " \"properties\": [{\"pid\": \"province\", \"v\": \"AH\"}]},"
            + " \"q2\": {\"query\": \"上海市慈善基金联合会"
            + tag
            + "\", \"type\": \"Person\"}}";
    JsonPath answer =
        given()
            .contentType("application/x-www-form-urlencoded; charset=utf-8")
            .formParam("queries", queries)
            .post(RECONCILE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> best = answer.getMap("q0.result[0]");
    assertThat(best)
        .containsEntry("id", sh)
        .containsEntry("name", "上海市慈善基金联合会" + tag)
        .containsEntry("match", true)
        .containsEntry("score", 100.0f)
        .containsEntry("description", "SH ACTIVE");
    assertThat(answer.getList("q0.result[0].type.id")).containsExactly("SocialOrganization");
    assertThat(answer.getList("q0.result")).hasSizeLessThanOrEqualTo(3);
    assertThat(answer.getString("q1.result[0].id")).isEqualTo(ah);
    assertThat(answer.getBoolean("q1.result[0].match")).as("a similar name is no match").isFalse();
    assertThat(answer.getList("q1.result.id")).doesNotContain(sh);
    assertThat(answer.getList("q2.result")).as("no entity of another type").isEmpty();

    given()
        .queryParam("queries", "{\"q0\": {\"query\": \"上海市慈善基金联合会" + tag + "\"}}")
        .get(RECONCILE)
        .then()
        .statusCode(200)
        .body("q0.result[0].id", is(sh));
  }

  @Test
  void refusesAFormThatCannotBeReadWithAProblem() {
    for (String body : List.of("queries=%zz", "%", "queries=%E4%B8", "{\"queries\": 1}", "")) {
      given()
          .contentType("application/x-www-form-urlencoded")
          .body(body)
          .post(RECONCILE)
          .then()
          .statusCode(
              org.hamcrest.Matchers.allOf(
                  org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                  org.hamcrest.Matchers.lessThan(500)))
          .contentType("application/problem+json");
    }
  }

  @Test
  void refusesABatchThatIsNotKeyedQueries() {
    for (String queries :
        List.of(
            "not json",
            "[]",
            "{\"q0\": {\"limit\": 3}}",
            "{\"q0\": {\"query\": \"协会\", \"limit\": 0}}",
            "{\"q0\": {\"query\": \"协会\", \"properties\": [{\"pid\": \"province\", \"v\": \"BJ\"}]}}")) {
      given()
          .contentType("application/x-www-form-urlencoded; charset=utf-8")
          .formParam("queries", queries)
          .post(RECONCILE)
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
  }
}
