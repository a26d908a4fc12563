package cn.yrd.recognition;

import static io.restassured.RestAssured.given;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.testing.TestTokens;
import cn.yrd.recognition.repository.ProcessedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Waiting for the consumer, and reading the API, in tests. */
final class Await {
  private Await() {}

  static void applied(UUID... eventIds) {
    until(
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        List.of(eventIds).stream()
                            .allMatch(id -> ProcessedEvent.findById(id) != null)),
        "events applied");
  }

  static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static RequestSpecification as(String role, Province province) {
    return given()
        .header("Authorization", TestTokens.bearer(role, province))
        .contentType(ContentType.JSON);
  }

  static RequestSpecification auditor() {
    return as(Roles.AUDITOR, null);
  }

  /** The open (or acknowledged) conflicts that involve a code. */
  static List<Map<String, Object>> openConflicts(String uscc) {
    JsonPath page =
        auditor()
            .queryParam("uscc", uscc)
            .queryParam("size", 200)
            .get("/api/v1/conflicts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return page.<Map<String, Object>>getList("items").stream()
        .filter(c -> "OPEN".equals(c.get("status")) || "ACKNOWLEDGED".equals(c.get("status")))
        .toList();
  }

  static List<String> openTypes(String uscc) {
    return openConflicts(uscc).stream().map(c -> (String) c.get("type")).sorted().toList();
  }
}
