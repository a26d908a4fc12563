package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.postAllAtOnce;
import static cn.yrd.registry.Fixtures.registration;
import static cn.yrd.registry.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.registry.repository.Organization;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationApiTest {
  private static final String REGISTRATIONS = "/api/v1/registrations";

  @Test
  void registersAnOrganizationAndServesItWithAnETag() {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");

    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(201)
        .header("Location", endsWith(REGISTRATIONS + "/" + uscc))
        .header("ETag", "\"0\"")
        .body("uscc", is(uscc))
        .body("status", is("ACTIVE"))
        .body("province", is("SH"))
        .body("legalRepresentative.personRef", notNullValue())
        .body("warnings", nullValue());

    as(Roles.READER)
        .get(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("name", is(body.get("name")))
        .body("legalRepresentative.idNumber", containsString("**********"));
    as(Roles.REGISTRAR)
        .get(REGISTRATIONS + "/" + uscc)
        .then()
        .body(
            "legalRepresentative.idNumber",
            is(((Map<?, ?>) body.get("legalRepresentative")).get("idNumber")));
  }

  @Test
  void warnsButAcceptsFundsBelowTheCategoryMinimum() {
    as(Roles.REGISTRAR)
        .body(with(registration(OrgCategory.FOUNDATION), "registeredFunds", 500_000))
        .post(REGISTRATIONS)
        .then()
        .statusCode(201)
        .body("warnings[0]", containsString("below the usual minimum of 2000000"));
  }

  @Test
  void rejectsInvalidFieldsWithProblemDetailsAndStoresNothing() {
    long organizations = count(Organization.class);
    long outbox = count(OutboxEvent.class);
    Map<String, Object> body = registration();
    body.put("uscc", "513101155000216769");
    body.put("legalRepresentative", Map.of("name", " ", "idNumber", "110101199003074478"));
    body.put("establishmentDate", "2999-01-01");
    body.put("registeredFunds", -1);

    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("status", is(422))
        .body("errors.field", hasItem("uscc"))
        .body("errors.find { it.field == 'uscc' }.message", containsString("CHECK_CHARACTER"))
        .body("errors.field", hasItem("legalRepresentative.name"))
        .body(
            "errors.find { it.field == 'legalRepresentative.idNumber' }.message",
            containsString("check character"))
        .body("errors.field", hasItem("establishmentDate"))
        .body("errors.field", hasItem("registeredFunds"));

    assertThat(count(Organization.class)).isEqualTo(organizations);
    assertThat(count(OutboxEvent.class)).isEqualTo(outbox);
  }

  @Test
  void rejectsACodeFromAnotherProvinceUnlessTransferredIn() {
    Map<String, Object> body = registration();
    String jiangsu =
        cn.yrd.contracts.UsccGenerator.generate(
                Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 4242)
            .value();
    body.put("uscc", jiangsu);

    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("uscc"))
        .body("errors[0].message", containsString("DIVISION_CODE"));

    body.put(
        "transferIn",
        Map.of("fromProvince", "JS", "decisionNumber", "苏民迁〔2026〕1号", "date", "2026-01-05"));
    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(201)
        .body("transferredFrom", is("JS"));
  }

  @Test
  void rejectsACategoryThatContradictsTheCode() {
    as(Roles.REGISTRAR)
        .body(with(registration(OrgCategory.SOCIAL_GROUP), "category", "FOUNDATION"))
        .post(REGISTRATIONS)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("category"))
        .body("errors[0].message", containsString("position 2"));
  }

  @Test
  void rejectsADuplicateCodeOrName() {
    Map<String, Object> body = registration();
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);

    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(409)
        .contentType(Problem.MEDIA_TYPE);
    as(Roles.REGISTRAR)
        .body(with(registration(), "name", body.get("name")))
        .post(REGISTRATIONS)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("name"))
        .body("errors[0].message", containsString((String) body.get("uscc")));
  }

  @Test
  void concurrentRegistrationsOfOneCodeStoreItOnceAndRefuseTheRest() throws Exception {
    Map<String, Object> body = registration();
    List<Integer> seen = postAllAtOnce(REGISTRATIONS, Collections.nCopies(8, body));
    assertThat(seen).containsOnly(201, 409);
    assertThat(seen).filteredOn(status -> status == 201).hasSize(1);
    long events =
        QuarkusTransaction.requiringNew()
            .call(() -> OutboxEvent.count("subject", body.get("uscc")));
    assertThat(events).isEqualTo(1);
  }

  @Test
  void rejectsMalformedJsonUnknownFieldsAndWrongTypes() {
    as(Roles.REGISTRAR)
        .body("{\"uscc\": ")
        .post(REGISTRATIONS)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
    as(Roles.REGISTRAR)
        .body(with(registration(), "colour", "red"))
        .post(REGISTRATIONS)
        .then()
        .statusCode(400)
        .body("detail", containsString("colour"));
    as(Roles.REGISTRAR)
        .body(with(registration(), "category", "CLUB"))
        .post(REGISTRATIONS)
        .then()
        .statusCode(400)
        .body("detail", containsString("category"));
  }

  @Test
  void amendsWithOptimisticConcurrency() {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
    Map<String, Object> change = Map.of("domicile", "上海市徐汇区漕溪北路88号");

    as(Roles.REGISTRAR).body(change).patch(REGISTRATIONS + "/" + uscc).then().statusCode(428);
    as(Roles.REGISTRAR)
        .header("If-Match", "\"0\"")
        .body(change)
        .patch(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("domicile", is("上海市徐汇区漕溪北路88号"));
    as(Roles.REGISTRAR)
        .header("If-Match", "\"0\"")
        .body(Map.of("domicile", "上海市静安区"))
        .patch(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(412)
        .contentType(Problem.MEDIA_TYPE);

    as(Roles.READER)
        .get(REGISTRATIONS + "/" + uscc + "/history")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("total", is(2))
        .body("items[0].eventType", is("cn.yrd.registration.amended.v1"))
        .body("items[0].details.amendedFields", hasItem("domicile"))
        .body("items[1].eventType", is("cn.yrd.registration.registered.v1"))
        .body("nextCursor", nullValue());
  }

  @Test
  void walksAnOrganizationsHistoryAPageAtATime() {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
    as(Roles.REGISTRAR)
        .header("If-Match", "\"0\"")
        .body(Map.of("domicile", "上海市徐汇区"))
        .patch(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(200);
    Response first =
        as(Roles.READER).queryParam("limit", 1).get(REGISTRATIONS + "/" + uscc + "/history");
    first
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].eventType", is("cn.yrd.registration.amended.v1"))
        .body("total", is(2))
        .header("Link", containsString("rel=\"next\""));
    as(Roles.READER)
        .queryParam("limit", 1)
        .queryParam("cursor", first.path("nextCursor").toString())
        .get(REGISTRATIONS + "/" + uscc + "/history")
        .then()
        .statusCode(200)
        .body("items[0].eventType", is("cn.yrd.registration.registered.v1"))
        .body("nextCursor", nullValue())
        .header("Link", nullValue());
  }

  @Test
  void refusesANameThatReadsTheSameOnceNormalized() {
    long serial = System.nanoTime() % 1_000_000;
    Map<String, Object> first = with(registration(), "name", "上海市软件行业协会" + serial);
    as(Roles.REGISTRAR).body(first).post(REGISTRATIONS).then().statusCode(201);
    for (String variant :
        List.of(
            "上海市軟件行業協會" + serial,
            "上海市 软件行业协会（" + serial + "）",
            "上海市软件行业协会" + toFullWidth(serial))) {
      as(Roles.REGISTRAR)
          .body(with(registration(), "name", variant))
          .post(REGISTRATIONS)
          .then()
          .statusCode(422)
          .contentType(Problem.MEDIA_TYPE)
          .body("errors[0].field", is("name"))
          .body("errors[0].message", containsString("R-NAME-01"))
          .body("errors[0].message", containsString((String) first.get("uscc")));
    }
  }

  private static String toFullWidth(long number) {
    StringBuilder out = new StringBuilder();
    Long.toString(number).chars().forEach(c -> out.append((char) (c - '0' + '０')));
    return out.toString();
  }

  @Test
  void revokesThenDeregistersAndRefusesFurtherChanges() {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);

    as(Roles.REGISTRAR)
        .body(Map.of("date", "2026-01-10", "reason", "严重违法"))
        .post(REGISTRATIONS + "/" + uscc + "/revocation")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("decisionNumber"));
    as(Roles.REGISTRAR)
        .body(Map.of("date", "2026-01-10", "reason", "严重违法", "decisionNumber", "沪民罚〔2026〕3号"))
        .post(REGISTRATIONS + "/" + uscc + "/revocation")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", is("REVOKED"))
        .body("seriousListed", is(true))
        .body("revocation.decisionNumber", is("沪民罚〔2026〕3号"));
    as(Roles.REGISTRAR)
        .header("If-Match", "\"2\"")
        .body(Map.of("domicile", "上海市静安区"))
        .patch(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(422)
        .body("type", containsString("not-active"));
    as(Roles.REGISTRAR)
        .body(Map.of("date", "2026-02-01", "reason", "清算完毕"))
        .post(REGISTRATIONS + "/" + uscc + "/deregistration")
        .then()
        .statusCode(200)
        .body("status", is("DEREGISTERED"))
        .body("deregistrationDate", is("2026-02-01"));
    as(Roles.REGISTRAR)
        .body(Map.of("date", "2026-02-02", "reason", "again"))
        .post(REGISTRATIONS + "/" + uscc + "/deregistration")
        .then()
        .statusCode(422);
  }

  @Test
  void transfersOutToAnotherProvinceOnlyOnce() {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
    Map<String, Object> transfer =
        Map.of("toProvince", "SH", "date", "2026-03-01", "decisionNumber", "沪民社迁〔2026〕12号");

    as(Roles.REGISTRAR)
        .body(transfer)
        .post(REGISTRATIONS + "/" + uscc + "/transfer-out")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("toProvince"));
    as(Roles.REGISTRAR)
        .body(Map.of("toProvince", "JS", "date", "2026-03-01", "decisionNumber", "沪民社迁〔2026〕12号"))
        .post(REGISTRATIONS + "/" + uscc + "/transfer-out")
        .then()
        .statusCode(200)
        .body("status", is("DEREGISTERED"))
        .body("deregistrationDate", is("2026-03-01"));
    as(Roles.READER)
        .get(REGISTRATIONS + "/" + uscc + "/history")
        .then()
        .body("items[0].eventType", is("cn.yrd.registration.transferred-out.v1"))
        .body("items[0].details.otherProvince", is("JS"));
    as(Roles.REGISTRAR)
        .body(Map.of("toProvince", "ZJ", "date", "2026-03-02", "decisionNumber", "x"))
        .post(REGISTRATIONS + "/" + uscc + "/transfer-out")
        .then()
        .statusCode(422)
        .body("type", containsString("not-active"));
  }

  @Test
  void searchesByFiltersWithPagination() {
    Map<String, Object> body = registration(OrgCategory.FOUNDATION);
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);

    as(Roles.READER)
        .queryParam("name", body.get("name"))
        .queryParam("category", "FOUNDATION")
        .queryParam("status", "ACTIVE")
        .queryParam("establishedFrom", "2019-01-01")
        .queryParam("establishedTo", "2019-12-31")
        .get(REGISTRATIONS)
        .then()
        .statusCode(200)
        .body("total", is(1))
        .body("items[0].uscc", is(body.get("uscc")));
    as(Roles.READER)
        .queryParam("size", 0)
        .get(REGISTRATIONS)
        .then()
        .statusCode(422)
        .body("errors[0].field", is("size"));
    as(Roles.READER).queryParam("page", -1).get(REGISTRATIONS).then().statusCode(422);
    as(Roles.READER)
        .queryParam("size", 1)
        .get(REGISTRATIONS)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("size", is(1));
  }

  @Test
  void answersUnknownCodesWith404() {
    as(Roles.READER)
        .get(REGISTRATIONS + "/53100000500021676K")
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE);
  }

  @Test
  void requiresATokenAndTheRightRoleAndProvince() {
    Map<String, Object> body = registration();
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType(Problem.MEDIA_TYPE);
    as(Roles.REGISTRAR, Province.JS)
        .body(body)
        .post(REGISTRATIONS)
        .then()
        .statusCode(403)
        .body("detail", containsString("JS"));
    as(Roles.READER).body(body).post(REGISTRATIONS).then().statusCode(403);
    as(Roles.AUDITOR, null).body(body).post(REGISTRATIONS).then().statusCode(403);
    as(Roles.SUPERVISOR).body(body).post(REGISTRATIONS).then().statusCode(403);
    as(Roles.READER, Province.ZJ).get(REGISTRATIONS).then().statusCode(403);
    as(Roles.AUDITOR, null).get(REGISTRATIONS).then().statusCode(200);
    given()
        .header(
            "Authorization",
            "Bearer " + cn.yrd.local.testing.TestTokens.expired(Roles.REGISTRAR, Province.SH))
        .get(REGISTRATIONS)
        .then()
        .statusCode(401);
    given()
        .header(
            "Authorization",
            "Bearer " + cn.yrd.local.testing.TestTokens.badSignature(Roles.REGISTRAR, Province.SH))
        .get(REGISTRATIONS)
        .then()
        .statusCode(401);
    given()
        .header(
            "Authorization",
            "Bearer " + cn.yrd.local.testing.TestTokens.wrongIssuer(Roles.REGISTRAR, Province.SH))
        .get(REGISTRATIONS)
        .then()
        .statusCode(401);
    assertThat(count(Organization.class, "uscc", body.get("uscc"))).isZero();
  }

  private static long count(Class<?> entity) {
    return QuarkusTransaction.requiringNew()
        .call(() -> entity == Organization.class ? Organization.count() : OutboxEvent.count());
  }

  private static long count(Class<?> entity, String field, Object value) {
    return QuarkusTransaction.requiringNew().call(() -> Organization.count(field, value));
  }
}
