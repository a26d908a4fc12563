package cn.yrd.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

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
