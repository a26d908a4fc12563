package cn.yrd.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** HTTP checks every service must pass, run from inside a {@code @QuarkusTest}. */
public final class ServiceProbes {
  private ServiceProbes() {}

  /** Readiness reports UP and covers both PostgreSQL and Kafka. */
  public static void assertReadyWithDatabaseAndBroker() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body(
            "checks.name",
            hasItems("Database connections health check", "Kafka connection health check"));
  }

  /**
   * Every operation of the OpenAPI document has a summary, a success response with a schema, the
   * 422 problem response, and (unless its path starts with one of {@code publicPrefixes}) the
   * bearer requirement with 401 and 403; every request body has a schema; bearer tokens are
   * declared.
   */
  @SuppressWarnings("unchecked")
  public static void assertOpenApiComplete(String... publicPrefixes) {
    JsonPath doc =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    Map<String, Object> bearer = doc.getMap("components.securitySchemes.bearer");
    check(
        bearer != null
            && "http".equals(bearer.get("type"))
            && "bearer".equals(bearer.get("scheme")),
        "bearer scheme declared");
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    check(!paths.isEmpty(), "paths documented");
    paths.forEach(
        (path, item) ->
            item.forEach(
                (key, value) -> {
                  if (key.equals("parameters")) {
                    // Parameters every operation of the path shares (a resource's path parameter).
                    ((List<Map<String, Object>>) value)
                        .forEach(
                            parameter ->
                                check(
                                    parameter.get("description") != null,
                                    path + " parameter " + parameter.get("name") + " description"));
                    return;
                  }
                  String method = key;
                  Map<String, Object> operation = (Map<String, Object>) value;
                  String name = method.toUpperCase() + " " + path;
                  check(operation.get("summary") != null, name + " has a summary");
                  Map<String, Map<String, Object>> responses =
                      (Map<String, Map<String, Object>>) operation.get("responses");
                  String success =
                      responses.keySet().stream()
                          .filter(c -> c.startsWith("2"))
                          .findFirst()
                          .orElse(null);
                  check(
                      success != null
                          && (success.equals("204")
                              || responses.get(success).get("content") != null),
                      name + " has a success schema (or answers 204 No Content)");
                  check(
                      responses.containsKey("422")
                          || !operation.containsKey("parameters")
                              && !operation.containsKey("requestBody"),
                      name + " documents 422");
                  boolean isPublic = Arrays.stream(publicPrefixes).anyMatch(path::startsWith);
                  if (!isPublic) {
                    check(
                        responses.containsKey("401") && responses.containsKey("403"),
                        name + " documents 401 and 403");
                    check(operation.get("security") != null, name + " requires a bearer token");
                  }
                  List<Map<String, Object>> parameters =
                      (List<Map<String, Object>>) operation.get("parameters");
                  if (parameters != null) {
                    parameters.forEach(
                        parameter ->
                            check(
                                parameter.get("description") != null,
                                name + " describes its parameter " + parameter.get("name")));
                  }
                  Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                  if (body != null) {
                    ((Map<String, Map<String, Object>>) body.get("content"))
                        .forEach(
                            (type, media) ->
                                check(
                                    media.get("schema") != null,
                                    name + " " + type + " body schema"));
                  }
                }));
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("OpenAPI document: expected " + what);
    }
  }

  /** The OpenAPI document names the service and Swagger UI is served. */
  public static void assertServesOpenApi(String titleFragment) {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", containsString(titleFragment));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }
}
