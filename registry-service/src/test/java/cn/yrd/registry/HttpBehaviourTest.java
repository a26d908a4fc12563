package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.yrd.contracts.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
    "stauts=ACTIVE, stauts, is not a parameter of this operation",
    "cursor=bm90LWEtY3Vyc29y, cursor, a cursor from a previous page"
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

  @ParameterizedTest
  @CsvSource({"limit=0, limit", "limit=201, limit", "size=201, size"})
  void aPageSizeOutOfRangeIsRefusedUnderTheNameTheClientUsed(String query, String parameter) {
    as(Roles.READER)
        .get(REGISTRATIONS + "?" + query)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is(parameter))
        .body("errors[0].message", is("must be between 1 and 200"));
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

  @Test
  void aListIsWalkedByFollowingItsNextLinkToTheLastPage() {
    String name = "翻页" + System.nanoTime() % 1_000_000;
    Set<String> registered = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = registration();
      body.put("name", "上海市" + name + "协会" + i);
      as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
      registered.add((String) body.get("uscc"));
    }
    Set<String> seen = new HashSet<>();
    // Links are followed as given: already encoded, so the client must not encode them again.
    String next =
        REGISTRATIONS + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&limit=2";
    int pages = 0;
    while (next != null) {
      var response =
          as(Roles.READER).urlEncodingEnabled(false).get(next).then().statusCode(200).extract();
      seen.addAll(response.jsonPath().getList("items.uscc"));
      pages++;
      String link = response.header("Link");
      String cursor = response.jsonPath().getString("nextCursor");
      if (link == null) {
        assertThat(cursor).as("no Link, no nextCursor").isNull();
        next = null;
      } else {
        assertThat(link).endsWith(">; rel=\"next\"").contains("cursor=" + cursor);
        next = link.substring(1, link.indexOf('>'));
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(registered);
  }
}
