package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Roles;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.local.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A log that holds no event yet still publishes a signed tree head: size 0 with the RFC 6962 empty
 * root, SHA-256 of the empty string. Runs before every other test of this module (see the pom).
 */
@QuarkusTest
@Order(1)
class EmptyLogTest {
  private static final String EMPTY_ROOT = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @Test
  void publishesASignedCheckpointOfSizeZeroWithTheEmptyRoot() {
    JsonPath checkpoint =
        auditor().get("/api/v1/checkpoints/latest").then().statusCode(200).extract().jsonPath();
    assertThat(checkpoint.getLong("treeSize")).isZero();
    assertThat(checkpoint.getString("rootHash")).isEqualTo(EMPTY_ROOT);

    String note = auditor().get("/tlog/checkpoint").then().statusCode(200).extract().asString();
    assertThat(note).isEqualTo(checkpoint.getString("note"));
    String[] lines = note.split("\n");
    assertThat(lines[0]).isEqualTo(checkpoint.getString("origin"));
    assertThat(lines[1]).isEqualTo("0");
    assertThat(lines[2]).isEqualTo(EMPTY_ROOT);
    VerifierKey logKey = VerifierKey.parse(checkpoint.getString("verifierKey"));
    assertThat(SignedNote.parse(note).orElseThrow().signedBy(logKey)).isTrue();
  }

  private static RequestSpecification auditor() {
    return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR, null));
  }
}
