package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import cn.yrd.audit.merkle.Rfc9162Verifier;
import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.tlog.ConsistencyProof;
import cn.yrd.local.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {
  private static final Base64.Decoder B64 = Base64.getDecoder();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject AgroalDataSource dataSource;

  private static RequestSpecification auditor() {
    return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR, null));
  }

  private static String subject() {
    return "5" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
  }

  /** Sends {@code count} amendments of one organization, numbered from 1; returns their ids. */
  private static List<UUID> amendments(
      AuditEvents events, String uscc, String province, int count) {
    List<UUID> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(
          events.send(
              Topics.REGISTRATION,
              "cn.yrd.registration.amended.v1",
              uscc,
              province,
              (long) i + 1,
              "{\"n\":" + i + "}"));
    }
    return ids;
  }

  @Test
  void storesEveryTopicOnceEvenWhenRedelivered() throws Exception {
    String uscc = subject();
    UUID registered;
    UUID recognized;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      registered =
          events.send(
              Topics.REGISTRATION,
              "cn.yrd.registration.registered.v1",
              uscc,
              "JS",
              1L,
              "{\"a\":1}");
      events.send(
          Topics.SUPERVISION, "cn.yrd.supervision.grade-awarded.v1", uscc, "JS", 2L, "{\"b\":2}");
      UUID request = UUID.randomUUID();
      recognized =
          events.send(
              Topics.RECOGNITION,
              "cn.yrd.recognition.requested.v1",
              uscc,
              null,
              null,
              "{\"id\":\"" + request + "\"}");
      events.send(
          Topics.RECOGNITION,
          "cn.yrd.recognition.granted.v1",
          uscc,
          null,
          null,
          "{\"id\":\"" + request + "\"}");
      events.flush();
      events.send(
          registered,
          Topics.REGISTRATION,
          "cn.yrd.registration.registered.v1",
          uscc,
          "JS",
          1L,
          "{\"a\":1}");
    }
    InfrastructureWiringTest.awaitStored(recognized);
    UUID marker;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      marker =
          events.send(
              Topics.REGISTRATION, "cn.yrd.registration.amended.v1", uscc, "JS", 3L, "{\"c\":3}");
    }
    InfrastructureWiringTest.awaitStored(marker);

    JsonPath page =
        auditor()
            .queryParam("uscc", uscc)
            .get("/api/v1/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("items.eventId")).hasSize(5).doesNotHaveDuplicates();
    // The three topics are consumed independently: their events need not be stored in send order.
    String correlation =
        page.getString("items.find { it.type == 'cn.yrd.recognition.requested.v1' }.correlationId");
    assertThat(correlation).as("the recognition request's correlation").isNotBlank();
    assertThat(
            auditor()
                .queryParam("correlation", correlation)
                .get("/api/v1/events")
                .then()
                .extract()
                .jsonPath()
                .getList("items.type"))
        .containsExactly("cn.yrd.recognition.requested.v1", "cn.yrd.recognition.granted.v1");
  }

  @Test
  void servesProofsThatAnIndependentVerifierAccepts() throws Exception {
    UUID first;
    UUID second;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      first =
          events.send(
              Topics.REGISTRATION,
              "cn.yrd.registration.registered.v1",
              subject(),
              "SH",
              1L,
              "{\"x\":\"上海\"}");
    }
    InfrastructureWiringTest.awaitStored(first);
    JsonPath proven =
        auditor().get("/api/v1/events/" + first).then().statusCode(200).extract().jsonPath();
    JsonPath checkpoint =
        auditor().get("/api/v1/checkpoints/latest").then().statusCode(200).extract().jsonPath();

    String note = proven.getString("proof.checkpoint");
    String[] lines = note.split("\n");
    long treeSize = Long.parseLong(lines[1]);
    byte[] root = B64.decode(lines[2]);
    byte[] leaf = B64.decode(proven.getString("event.leafHash"));
    List<byte[]> path = proven.<String>getList("proof.hashes").stream().map(B64::decode).toList();
    assertThat(
            Rfc9162Verifier.verifyInclusion(
                proven.getLong("event.leafIndex"), treeSize, leaf, path, root))
        .isTrue();
    byte[] tampered = leaf.clone();
    tampered[0] ^= 1;
    assertThat(
            Rfc9162Verifier.verifyInclusion(
                proven.getLong("event.leafIndex"), treeSize, tampered, path, root))
        .isFalse();
    assertThat(
            signatureValid(note, checkpoint.getString("origin"), checkpoint.getString("publicKey")))
        .isTrue();
    assertThat(
            signatureValid(
                note.replace("\n" + treeSize + "\n", "\n" + (treeSize + 1) + "\n"),
                checkpoint.getString("origin"),
                checkpoint.getString("publicKey")))
        .isFalse();

    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      second =
          events.send(
              Topics.REGISTRATION,
              "cn.yrd.registration.registered.v1",
              subject(),
              "SH",
              2L,
              "{\"y\":2}");
    }
    InfrastructureWiringTest.awaitStored(second);
    long later =
        auditor()
            .get("/api/v1/events/" + second)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("proof.treeSize");
    JsonPath consistency =
        auditor()
            .queryParam("first", treeSize)
            .queryParam("second", later)
            .get("/api/v1/proofs/consistency")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(consistency.getString("firstRoot")).isEqualTo(lines[2]);
    assertThat(
            ConsistencyProof.verify(
                treeSize,
                later,
                root,
                B64.decode(consistency.getString("secondRoot")),
                consistency.<String>getList("hashes").stream().map(B64::decode).toList()))
        .isTrue();
  }

  @Test
  void pagesThroughTenThousandEventsReturningEachExactlyOnce() throws Exception {
    String uscc = subject();
    List<UUID> sent;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      sent = amendments(events, uscc, "ZJ", 10_000);
    }
    InfrastructureWiringTest.awaitStored(sent.get(sent.size() - 1));
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      RequestSpecification request = auditor().queryParam("uscc", uscc).queryParam("limit", 700);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.eventId"));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(15);
    assertThat(seen).hasSize(10_000).doesNotHaveDuplicates();
    assertThat(seen.stream().map(UUID::fromString).toList())
        .containsExactlyInAnyOrderElementsOf(sent);
    auditor().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/events").then().statusCode(422);
  }

  // Non-ASCII text: the verifier must hash the same UTF-8 bytes the ingest did.
  private static final String VICTIM_PAYLOAD = "{\"fine\":20000,\"reason\":\"未按期参加年检\"}";

  @Test
  void theVerificationRunNamesARowChangedBehindTheTriggersBack() throws Exception {
    UUID victim;
    List<UUID> filler;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      // More than one of the run's 5,000-event pages, so it reads the next page while hashing one.
      filler = amendments(events, subject(), "AH", 5_500);
      victim =
          events.send(
              Topics.SUPERVISION,
              "cn.yrd.supervision.penalty-imposed.v1",
              subject(),
              "AH",
              1L,
              VICTIM_PAYLOAD);
    }
    AuditEvent stored = InfrastructureWiringTest.awaitStored(victim);
    InfrastructureWiringTest.awaitStored(filler.get(filler.size() - 1));
    auditor()
        .post("/api/v1/verification")
        .then()
        .statusCode(200)
        .body("ok", is(true))
        .body("leavesChecked", greaterThan(5_500));

    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("SET session_replication_role = replica");
      sql.execute(
          "UPDATE audit_event SET payload = '{\"fine\":2}' WHERE event_id = '" + victim + "'");
      try {
        auditor()
            .post("/api/v1/verification")
            .then()
            .statusCode(200)
            .body("ok", is(false))
            .body("firstMismatch.leafIndex", is((int) stored.leafIndex))
            .body("firstMismatch.eventId", is(victim.toString()));
      } finally {
        sql.execute(
            "UPDATE audit_event SET payload = '"
                + VICTIM_PAYLOAD
                + "' WHERE event_id = '"
                + victim
                + "'");
        sql.execute("SET session_replication_role = origin");
      }
    }
    auditor().post("/api/v1/verification").then().statusCode(200).body("ok", is(true));
  }

  @Test
  void aReaderSeesOnlyItsProvinceAndTheExportStreamsNdjson() throws Exception {
    String uscc = subject();
    UUID js;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      events.send(
          Topics.REGISTRATION,
          "cn.yrd.registration.registered.v1",
          uscc,
          "SH",
          1L,
          "{\"p\":\"SH\"}");
      js =
          events.send(
              Topics.REGISTRATION,
              "cn.yrd.registration.registered.v1",
              uscc,
              "JS",
              1L,
              "{\"p\":\"JS\"}");
    }
    InfrastructureWiringTest.awaitStored(js);
    RequestSpecification reader =
        given().header("Authorization", TestTokens.bearer(Roles.READER, Province.JS));
    assertThat(
            reader
                .queryParam("uscc", uscc)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.province"))
        .containsExactly("JS");
    given()
        .header("Authorization", TestTokens.bearer(Roles.READER, Province.JS))
        .queryParam("province", "SH")
        .get("/api/v1/events")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer(Roles.READER, Province.JS))
        .post("/api/v1/verification")
        .then()
        .statusCode(403);
    given().get("/api/v1/events").then().statusCode(401);

    String ndjson =
        auditor()
            .queryParam("uscc", uscc)
            .get("/api/v1/export")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract()
            .asString();
    assertThat(ndjson.strip().split("\n"))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("{\"leafIndex\":"));
  }

  private static boolean signatureValid(String note, String keyName, String publicKeyBase64)
      throws Exception {
    byte[] raw = B64.decode(publicKeyBase64);
    byte[] x509 = new byte[44];
    System.arraycopy(Base64.getDecoder().decode("MCowBQYDK2VwAyEA"), 0, x509, 0, 12);
    System.arraycopy(raw, 0, x509, 12, 32);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    int split = note.indexOf("\n\n");
    String body = note.substring(0, split + 1);
    String line = note.substring(split + 2).strip();
    String prefix = "\u2014 " + keyName + " ";
    if (!line.startsWith(prefix)) {
      return false;
    }
    byte[] tagged = B64.decode(line.substring(prefix.length()));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(body.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(java.util.Arrays.copyOfRange(tagged, 4, tagged.length));
  }
}
