package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.yrd.contracts.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a generated client relies on: errors that name their cause, a 304 for an unchanged record,
 * the methods a path takes on a 405.
 */
@QuarkusTest
class HttpBehaviourTest {
  private static final String REGISTRATIONS = "/api/v1/registrations";

  @ParameterizedTest
  @CsvSource({
    "status=FOO, status, one of ",
    "page=abc, page, a whole number",
    "establishedFrom=2020-13-01, establishedFrom, a date",
    "category=club, category, one of SOCIAL_GROUP",
    "stauts=ACTIVE, stauts, is not a parameter of this operation"
  })
  void aQueryValueThatCannotBeReadIsA400NamingTheParameter(
      String query, String parameter, String message) {
    as(Roles.READER)
        .get(REGISTRATIONS + "?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is(parameter))
        .body("errors[0].message", startsWith(message));
  }

  @Test
  void aRecordNotChangedSinceItsETagIsA304() {
    Map<String, Object> body = registration();
    String path = REGISTRATIONS + "/" + body.get("uscc");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);

    as(Roles.READER).header("If-None-Match", "\"0\"").get(path).then().statusCode(304);
    as(Roles.READER).header("If-None-Match", "W/\"0\", \"7\"").get(path).then().statusCode(304);
    as(Roles.READER)
        .header("If-None-Match", "\"1\"")
        .get(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"");
  }

  @ParameterizedTest
  @CsvSource({
    "DELETE, /api/v1/registrations/51310115000004212C, 'GET, HEAD, OPTIONS, PATCH'",
    "PUT, /api/v1/registrations, 'GET, HEAD, OPTIONS, POST'",
    "GET, /api/v1/registrations/51310115000004212C/revocation, 'OPTIONS, POST'"
  })
  void aMethodThePathDoesNotTakeIsA405NamingTheOnesItDoes(
      String method, String path, String allowed) {
    as(Roles.REGISTRAR)
        .contentType("application/json")
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .header("Allow", is(allowed));
  }
}
