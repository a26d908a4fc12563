package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.UsccValidator;
import cn.yrd.local.testing.ServiceProbes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** The lengths the rules enforce, as a generated client's validation reads them. */
  @ParameterizedTest
  @CsvSource({
    "RegistrationRequest, name, 100",
    "RegistrationRequest, domicile, 500",
    "RegistrationRequest, businessScope, 2000",
    "RegistrationRequest, supervisoryUnit, 500",
    "RegistrationRequest, registrationAuthority, 500",
    "LegalRepresentativeInput, name, 50",
    "TransferIn, decisionNumber, 100",
    "AmendmentRequest, name, 100",
    "AmendmentRequest, businessScope, 2000",
    "AmendmentRequest, decisionNumber, 100",
    "DecisionRequest, decisionNumber, 100",
    "DecisionRequest, reason, 500",
    "PenaltyRequest, reason, 500",
    "ListingRequest, decisionNumber, 100",
    "InspectionRequest, decisionNumber, 100",
    "GradeRequest, reason, 500",
    "DowngradeRequest, decisionNumber, 100",
    "TransferOutRequest, reason, 500",
  })
  void declaresTheLengthLimitOfEveryTextField(String schema, String field, int maxLength) {
    assertThat(
            document()
                .getInt("components.schemas." + schema + ".properties." + field + ".maxLength"))
        .isEqualTo(maxLength);
  }

  @Test
  void declaresTheLengthLimitOfTheNameSearch() {
    assertThat(
            document()
                .getInt(
                    "paths.'/api/v1/registrations'.get.parameters.find { it.name == 'name' }"
                        + ".schema.maxLength"))
        .isEqualTo(100);
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
