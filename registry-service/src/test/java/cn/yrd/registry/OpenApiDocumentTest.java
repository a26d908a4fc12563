package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.UsccValidator;
import cn.yrd.local.testing.ServiceProbes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

  private static JsonPath document() {
    return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void documentsEveryOperationWithASummarySchemasAndItsErrors() {
    ServiceProbes.assertOpenApiComplete("/api/v1/uscc", "/witness/");
  }

  @Test
  void namesTheProvinceItServesAndItsPublicServer() {
    JsonPath doc = document();
    assertThat(doc.getString("info.'x-province'")).isEqualTo("SH");
    assertThat(doc.getString("info.summary")).contains("上海").contains("Shanghai");
    assertThat(doc.getList("servers.url")).containsExactly("https://registry-sh.yrd.test");
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
