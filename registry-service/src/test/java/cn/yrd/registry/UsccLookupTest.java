package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.Problem;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class UsccLookupTest {

  @Test
  void decodesACivilAffairsCode() {
    given()
        .get("/api/v1/uscc/53100000500021676K")
        .then()
        .statusCode(200)
        .body("authorityKind", is("5"))
        .body("civilAffairs", is(true))
        .body("category", is("FOUNDATION"))
        .body("divisionCode", is("100000"))
        .body("national", is(true))
        .body("organizationCode", is("500021676"));
    given()
        .get("/api/v1/uscc/5332058300000006XY")
        .then()
        .statusCode(200)
        .body("province", is("JS"));
    given()
        .get("/api/v1/uscc/91350100M000100Y43")
        .then()
        .statusCode(200)
        .body("civilAffairs", is(false));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @CsvSource({
    "53100000500021676, LENGTH",
    "53100000500021676I, ALPHABET",
    "B13101155000216762, AUTHORITY_KIND",
    "51990000500021676L, DIVISION_CODE",
    "513101155000216755, ORGANIZATION_CODE_CHECK",
    "53100000500021676J, CHECK_CHARACTER",
  })
  void namesTheRuleAnInvalidCodeFails(String code, String rule) {
    given()
        .get("/api/v1/uscc/" + code)
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].message", containsString(rule));
  }
}
