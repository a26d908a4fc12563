package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.UsccValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

  private static JsonPath document() {
    return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void declaresBearerTokens() {
    Map<String, Object> bearer = document().getMap("components.securitySchemes.bearer");
    assertThat(bearer).containsEntry("type", "http").containsEntry("scheme", "bearer");
  }

  @Test
  @SuppressWarnings("unchecked")
  void documentsEveryOperationWithASummarySchemasAndItsErrors() {
    Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
    assertThat(paths).isNotEmpty();
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, operation) -> {
                  String name = method.toUpperCase() + " " + path;
                  assertThat(operation.get("summary")).as(name + " summary").isNotNull();
                  Map<String, Map<String, Object>> responses =
                      (Map<String, Map<String, Object>>) operation.get("responses");
                  String success =
                      responses.keySet().stream()
                          .filter(code -> code.startsWith("2"))
                          .findFirst()
                          .orElse(null);
                  assertThat(success).as(name + " success response").isNotNull();
                  assertThat(responses.get(success).get("content"))
                      .as(name + " success schema")
                      .isNotNull();
                  assertThat(responses).as(name + " error responses").containsKey("422");
                  if (!path.startsWith("/api/v1/uscc")) {
                    assertThat(responses).as(name).containsKeys("401", "403");
                    assertThat((List<?>) operation.get("security"))
                        .as(name + " security")
                        .isNotEmpty();
                  }
                  Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                  if (body != null) {
                    Map<String, Map<String, Object>> content =
                        (Map<String, Map<String, Object>>) body.get("content");
                    content.forEach(
                        (type, media) ->
                            assertThat(media.get("schema"))
                                .as(name + " " + type + " schema")
                                .isNotNull());
                  }
                }));
  }

  @Test
  void examplesAreValidValues() {
    JsonPath doc = document();
    List<String> usccExamples =
        doc.getList("components.schemas.RegistrationRequest.properties.uscc.examples");
    assertThat(usccExamples).isNotEmpty();
    usccExamples.forEach(
        code -> assertThat(UsccValidator.checkCivilAffairs(code)).as(code).isEmpty());
  }
}
