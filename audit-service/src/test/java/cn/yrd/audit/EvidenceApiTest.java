package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.evidence.EvidenceVerifier;
import cn.yrd.contracts.tlog.WitnessPolicy;
import cn.yrd.local.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A recognition's evidence: the events its decision rests on, each proven, checked offline. */
@QuarkusTest
class EvidenceApiTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void carriesTheEventsOfTheDecisionAndHoldsOffline() throws Exception {
    String org = code();
    String other = code();
    UUID recognition = UUID.randomUUID();
    UUID registered;
    UUID conflict;
    UUID granted;
    UUID later;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      registered = events.send(Topics.REGISTRATION, EventTypes.REGISTERED, org, "SH", 1L, "{}");
      events.send(Topics.REGISTRATION, EventTypes.REGISTERED, other, "JS", 1L, "{}");
      conflict =
          events.send(
              Topics.RECOGNITION,
              EventTypes.CONFLICT_OPENED,
              other,
              null,
              null,
              "{\"id\":\""
                  + UUID.randomUUID()
                  + "\",\"usccs\":[\""
                  + other
                  + "\",\""
                  + org
                  + "\"]}");
      events.flush();
      InfrastructureWiringTest.awaitStored(registered);
      InfrastructureWiringTest.awaitStored(conflict);
      events.send(
          Topics.RECOGNITION,
          EventTypes.RECOGNITION_REQUESTED,
          org,
          null,
          null,
          state(UUID.randomUUID(), org, "GRANTED"));
      events.send(
          Topics.RECOGNITION,
          EventTypes.RECOGNITION_REQUESTED,
          org,
          null,
          null,
          state(recognition, org, "PENDING_REVIEW"));
      events.flush();
      granted =
          events.send(
              Topics.RECOGNITION,
              EventTypes.RECOGNITION_GRANTED,
              org,
              null,
              null,
              state(recognition, org, "GRANTED"));
      events.flush();
      InfrastructureWiringTest.awaitStored(granted);
      later = events.send(Topics.SUPERVISION, EventTypes.ABNORMAL_LISTED, org, "SH", 2L, "{}");
    }
    InfrastructureWiringTest.awaitStored(later);

    byte[] file =
        as(Roles.AUDITOR, null)
            .get("/api/v1/recognitions/" + recognition + "/evidence")
            .then()
            .statusCode(200)
            .contentType("text/plain")
            .header(
                "Content-Disposition", containsString("recognition-" + recognition + ".evidence"))
            .extract()
            .asByteArray();
    WitnessPolicy policy =
        WitnessPolicy.parse(as(Roles.AUDITOR, null).get("/api/v1/witness-policy").asString());
    EvidenceVerifier.Verdict verdict = EvidenceVerifier.verify(file, policy);

    assertThat(verdict.failures()).isEmpty();
    assertThat(verdict.summary().status()).isEqualTo("GRANTED");
    assertThat(verdict.summary().decision()).isEqualTo(EventTypes.RECOGNITION_GRANTED);
    assertThat(verdict.summary().events())
        .extracting(EvidenceVerifier.Event::type)
        .as("topics are consumed side by side, so only the decision's own order is fixed")
        .containsExactlyInAnyOrder(
            EventTypes.REGISTERED,
            EventTypes.CONFLICT_OPENED,
            EventTypes.RECOGNITION_REQUESTED,
            EventTypes.RECOGNITION_GRANTED);
    assertThat(verdict.summary().events())
        .extracting(EvidenceVerifier.Event::eventId)
        .contains(registered.toString(), conflict.toString(), granted.toString())
        .doesNotContain(later.toString());

    byte[] tampered = file.clone();
    tampered[file.length / 2] ^= 0x04;
    assertThat(EvidenceVerifier.verify(tampered, policy).failures()).isNotEmpty();
  }

  @Test
  void aReaderGetsTheEvidenceOfItsOwnProvincesRecognitionsOnly() throws Exception {
    String org = code();
    UUID recognition = UUID.randomUUID();
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      UUID rejected =
          events.send(
              Topics.RECOGNITION,
              EventTypes.RECOGNITION_REJECTED,
              org,
              null,
              null,
              state(recognition, org, "REJECTED"));
      events.flush();
      InfrastructureWiringTest.awaitStored(rejected);
    }
    String path = "/api/v1/recognitions/" + recognition + "/evidence";

    as(Roles.READER, Province.JS).get(path).then().statusCode(200);
    as(Roles.READER, Province.SH).get(path).then().statusCode(200);
    as(Roles.READER, Province.ZJ)
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(Roles.AUDITOR, null)
        .get("/api/v1/recognitions/" + UUID.randomUUID() + "/evidence")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(Roles.AUDITOR, null)
        .get("/api/v1/recognitions/not-a-uuid/evidence")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("id"));
    given().get(path).then().statusCode(401);
  }

  /** A recognition as the recognition service publishes it: home SH, host JS. */
  private static String state(UUID id, String uscc, String status) {
    return "{\"id\":\""
        + id
        + "\",\"uscc\":\""
        + uscc
        + "\",\"homeProvince\":\"SH\",\"hostProvince\":\"JS\",\"scope\":\"REGISTRATION\",\"status\":\""
        + status
        + "\"}";
  }

  private static String code() {
    return "5" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
  }

  private static RequestSpecification as(String role, Province province) {
    return given().header("Authorization", TestTokens.bearer(role, province));
  }
}
