package cn.yrd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.contracts.evidence.EvidenceVerifier;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.contracts.tlog.WitnessPolicy;
import cn.yrd.local.Federation;
import cn.yrd.local.InfraSettings;
import dev.sigstore.merkle.InclusionProofVerifier;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole federation as separate processes, driven through its public APIs only: a person leading
 * social groups in two provinces is flagged; a Jiangsu organization is recognized in Shanghai and
 * loses it when Jiangsu revokes it; the audit log holds the whole chain with proofs that an
 * independent verifier accepts.
 */
class FederationEndToEndTest {
  private static Federation federation;
  private static List<ProcessHandle> processes;
  private static OtlpReceiver traces;

  @BeforeAll
  static void start() {
    Path root = Path.of(System.getProperty("yrd.root", "../..")).toAbsolutePath().normalize();
    traces = OtlpReceiver.start();
    federation =
        Federation.start(
            new Federation.Options(
                    root,
                    Path.of("target", "federation").toAbsolutePath(),
                    InfraSettings.forTests(),
                    false)
                .tracingTo(traces.endpoint())
                .refusingHighConflictsIn(Province.AH));
    processes = federation.processes();
    ResponseContract.watch(federation);
    RestAssured.filters(ResponseContract.restAssuredFilter());
  }

  @AfterAll
  static void stop() {
    RestAssured.reset();
    ResponseContract.Report report = ResponseContract.finish();
    AsyncApiRecords.Report records =
        AsyncApiRecords.validateAll(
            TestFederation.root(), federation.infrastructure().kafkaBootstrapServers());
    federation.close();
    traces.close();
    TestFederation.figure(
        String.format(
            "AsyncAPI record contract (end to end): records read per topic %s; %d violations",
            records.recordsPerTopic(), records.violations().size()));
    assertThat(records.violations())
        .as("records that break event-contracts/asyncapi.yaml")
        .isEmpty();
    assertThat(records.recordsPerTopic().get("yrd.registration.v1")).isPositive();
    assertThat(records.recordsPerTopic().get("yrd.recognition.v1")).isPositive();
    TestFederation.figure(
        String.format(
            "OpenAPI response contract (end to end): %d responses checked against the live"
                + " documents; %d violations",
            report.checked(), report.violations().size()));
    assertThat(report.violations()).as("responses that break the live OpenAPI documents").isEmpty();
    assertThat(processes)
        .as("no service outlives the federation")
        .noneMatch(ProcessHandle::isAlive);
  }

  private static RequestSpecification as(String role, Province province) {
    return given()
        .header("Authorization", "Bearer " + federation.token(role, province))
        .contentType(ContentType.JSON);
  }

  private static Map<String, Object> organization(
      Province province,
      String division,
      OrgCategory category,
      long serial,
      String name,
      String idNumber) {
    Map<String, Object> body = new HashMap<>();
    body.put("uscc", UsccGenerator.generate(province, division, category, serial).value());
    body.put("name", name);
    body.put("category", category.name());
    body.put("legalRepresentative", Map.of("name", "陈静", "idNumber", idNumber));
    body.put("domicile", "住所");
    body.put("businessScope", "行业服务");
    body.put("registeredFunds", category == OrgCategory.FOUNDATION ? 2_000_000 : 100_000);
    body.put("registrationAuthority", province.chineseName() + "民政部门");
    body.put("establishmentDate", "2018-06-01");
    return body;
  }

  private static void await(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * One registration's trace as a trace viewer shows it: the registry's request, the outbox relay's
   * send, and recognition's and audit's processing of the record, each span the child of the one
   * before it. The caller's own traceparent names the trace.
   */
  @Test
  void aRegistrationIsTracedFromTheRegistryThroughTheRelayToRecognitionAndAudit() {
    SecureRandom random = new SecureRandom();
    String traceId = HexFormat.of().formatHex(random.generateSeed(16));
    String caller = HexFormat.of().formatHex(random.generateSeed(8));
    long serial = System.currentTimeMillis() % 10_000_000;
    as(Roles.REGISTRAR, Province.ZJ)
        .baseUri(federation.registryUrl(Province.ZJ))
        .header("traceparent", "00-" + traceId + "-" + caller + "-01")
        .body(
            organization(
                Province.ZJ,
                "330106",
                OrgCategory.SOCIAL_GROUP,
                serial,
                "杭州市链路追踪协会" + serial,
                ResidentIdNumber.compose("330106", LocalDate.of(1975, 3, 8), 11)))
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);

    // Each service exports its spans in its own batches, so they arrive in any order.
    await(
        () ->
            traces.spansOf(traceId).stream()
                .map(span -> span.service() + "/" + span.kind())
                .collect(Collectors.toSet())
                .containsAll(
                    Set.of(
                        "registry-service/" + OtlpReceiver.SERVER,
                        "registry-service/" + OtlpReceiver.PRODUCER,
                        "recognition-service/" + OtlpReceiver.CONSUMER,
                        "audit-service/" + OtlpReceiver.CONSUMER)),
        "the registry's, recognition's and audit's spans of the registration's trace");
    List<OtlpReceiver.ReceivedSpan> trace = traces.spansOf(traceId);
    OtlpReceiver.ReceivedSpan request =
        only(trace, span -> span.kind() == OtlpReceiver.SERVER, "the registry's request span");
    OtlpReceiver.ReceivedSpan send =
        only(trace, span -> span.kind() == OtlpReceiver.PRODUCER, "the relay's send span");
    assertThat(request.service()).isEqualTo("registry-service");
    assertThat(request.resource()).containsEntry("yrd.province", "ZJ");
    assertThat(request.parentSpanId()).isEqualTo(caller);
    assertThat(send.service()).isEqualTo("registry-service");
    assertThat(send.name()).isEqualTo("send yrd.registration.v1");
    assertThat(send.parentSpanId()).isEqualTo(request.spanId());
    assertThat(consumers(trace))
        .extracting(OtlpReceiver.ReceivedSpan::service)
        .containsExactlyInAnyOrder("recognition-service", "audit-service");
    assertThat(consumers(trace))
        .allSatisfy(
            span -> {
              assertThat(span.name()).isEqualTo("process yrd.registration.v1");
              assertThat(span.parentSpanId()).isEqualTo(send.spanId());
              assertThat(span.attributes()).containsEntry("messaging.system", "kafka");
            });
  }

  private static List<OtlpReceiver.ReceivedSpan> consumers(List<OtlpReceiver.ReceivedSpan> trace) {
    return trace.stream().filter(span -> span.kind() == OtlpReceiver.CONSUMER).toList();
  }

  private static OtlpReceiver.ReceivedSpan only(
      List<OtlpReceiver.ReceivedSpan> trace,
      Predicate<OtlpReceiver.ReceivedSpan> which,
      String what) {
    List<OtlpReceiver.ReceivedSpan> found = trace.stream().filter(which).toList();
    assertThat(found).as(what + " in " + trace).hasSize(1);
    return found.get(0);
  }

  /**
   * 登记前核查: each registry asks the federation before it registers. Shanghai only warns; Anhui
   * (configured REFUSE_HIGH) refuses a registration that would raise a HIGH conflict, and stores
   * nothing. The details go to the asking province's registrar only.
   */
  @Test
  void registriesAskBeforeRegisteringOneWarnsAndAnotherRefusesAHighConflict() {
    long serial = System.currentTimeMillis() % 10_000_000 + 500;
    String person = ResidentIdNumber.compose("330106", LocalDate.of(1966, 8, 19), 47);
    Map<String, Object> zj =
        organization(
            Province.ZJ, "330106", OrgCategory.SOCIAL_GROUP, serial, "杭州市核查甲协会" + serial, person);
    as(Roles.REGISTRAR, Province.ZJ)
        .baseUri(federation.registryUrl(Province.ZJ))
        .body(zj)
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);
    String recognition = federation.url("recognition");
    await(
        () ->
            as(Roles.AUDITOR, null)
                    .baseUri(recognition)
                    .get("/api/v1/organizations/" + zj.get("uscc"))
                    .statusCode()
                == 200,
        "recognition sees the ZJ organization");

    List<String> warnings =
        as(Roles.REGISTRAR, Province.SH)
            .baseUri(federation.registryUrl(Province.SH))
            .body(
                organization(
                    Province.SH,
                    "310115",
                    OrgCategory.SOCIAL_GROUP,
                    serial,
                    "上海市核查乙协会" + serial,
                    person))
            .post("/api/v1/registrations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getList("warnings");
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("WOULD_CONFLICT").contains("R-CONFLICT-04"));
    String details =
        warnings.stream()
            .filter(w -> w.contains("WOULD_CONFLICT"))
            .map(w -> w.substring(w.indexOf("http")))
            .findFirst()
            .orElseThrow();
    as(Roles.REGISTRAR, Province.SH)
        .get(details)
        .then()
        .statusCode(200)
        .body("findings[0].organizations.uscc", hasItem(zj.get("uscc")));
    as(Roles.REGISTRAR, Province.AH).get(details).then().statusCode(403);

    Map<String, Object> ah =
        organization(
            Province.AH, "340104", OrgCategory.SOCIAL_GROUP, serial, "合肥市核查丙协会" + serial, person);
    as(Roles.REGISTRAR, Province.AH)
        .baseUri(federation.registryUrl(Province.AH))
        .body(ah)
        .post("/api/v1/registrations")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("/problems/clearance-refused"))
        .body("detail", containsString("R-CONFLICT-04"));
    as(Roles.READER, Province.AH)
        .baseUri(federation.registryUrl(Province.AH))
        .get("/api/v1/registrations/" + ah.get("uscc"))
        .then()
        .statusCode(404);
  }

  @Test
  void flagsASharedLegalRepresentativeAndCascadesAHomeRevocationIntoTheAuditedHistory()
      throws Exception {
    long serial = System.currentTimeMillis() % 10_000_000;
    String person = ResidentIdNumber.compose("310115", LocalDate.of(1970, 5, 4), 21);
    Map<String, Object> shGroup =
        organization(
            Province.SH, "310115", OrgCategory.SOCIAL_GROUP, serial, "上海市端到端甲协会" + serial, person);
    Map<String, Object> jsGroup =
        organization(
            Province.JS,
            "320583",
            OrgCategory.SOCIAL_GROUP,
            serial + 1,
            "昆山市端到端乙协会" + serial,
            person);
    as(Roles.REGISTRAR, Province.SH)
        .baseUri(federation.registryUrl(Province.SH))
        .body(shGroup)
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);
    as(Roles.REGISTRAR, Province.JS)
        .baseUri(federation.registryUrl(Province.JS))
        .body(jsGroup)
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);

    String recognition = federation.url("recognition");
    String shCode = (String) shGroup.get("uscc");
    await(
        () ->
            as(Roles.AUDITOR, null)
                .baseUri(recognition)
                .queryParam("uscc", shCode)
                .get("/api/v1/conflicts")
                .then()
                .extract()
                .jsonPath()
                .getList("items.type")
                .contains("LEGAL_REP_CONCURRENT"),
        "LEGAL_REP_CONCURRENT");

    Map<String, Object> jsOrg =
        organization(
            Province.JS,
            "320500",
            OrgCategory.SOCIAL_SERVICE_INSTITUTION,
            serial + 2,
            "苏州市端到端丙服务中心" + serial,
            ResidentIdNumber.compose("320505", LocalDate.of(1980, 2, 2), 7));
    String code = (String) jsOrg.get("uscc");
    as(Roles.REGISTRAR, Province.JS)
        .baseUri(federation.registryUrl(Province.JS))
        .body(jsOrg)
        .post("/api/v1/registrations")
        .then()
        .statusCode(201);
    await(
        () ->
            as(Roles.AUDITOR, null)
                    .baseUri(recognition)
                    .get("/api/v1/organizations/" + code)
                    .statusCode()
                == 200,
        "recognition sees the JS organization");

    String id =
        as(Roles.RECOGNITION_OFFICER, Province.SH)
            .baseUri(recognition)
            .body(Map.of("uscc", code, "hostProvince", "SH", "scope", "OPERATE"))
            .post("/api/v1/recognitions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(
            as(Roles.AUDITOR, null)
                .baseUri(recognition)
                .get("/api/v1/recognitions/" + id)
                .then()
                .extract()
                .<String>path("status"))
        .isEqualTo("GRANTED");

    as(Roles.REGISTRAR, Province.JS)
        .baseUri(federation.registryUrl(Province.JS))
        .body(
            Map.of(
                "date",
                LocalDate.now().toString(),
                "reason",
                "严重违反章程",
                "decisionNumber",
                "苏民撤〔2026〕9号"))
        .post("/api/v1/registrations/" + code + "/revocation")
        .then()
        .statusCode(200);
    await(
        () ->
            "REVOKED"
                .equals(
                    as(Roles.AUDITOR, null)
                        .baseUri(recognition)
                        .get("/api/v1/recognitions/" + id)
                        .then()
                        .extract()
                        .path("status")),
        "the SH recognition revoked");

    String audit = federation.url("audit");
    List<String> chain =
        List.of(
            "cn.yrd.registration.registered.v1",
            "cn.yrd.recognition.requested.v1",
            "cn.yrd.recognition.granted.v1",
            "cn.yrd.registration.revoked.v1",
            "cn.yrd.recognition.revoked.v1");
    await(
        () ->
            as(Roles.AUDITOR, null)
                .baseUri(audit)
                .queryParam("uscc", code)
                .get("/api/v1/events")
                .then()
                .extract()
                .jsonPath()
                .getList("items.type")
                .containsAll(chain),
        "audit holds the whole chain");

    JsonPath checkpoint =
        as(Roles.AUDITOR, null)
            .baseUri(audit)
            .get("/api/v1/checkpoints/latest")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> eventIds =
        as(Roles.AUDITOR, null)
            .baseUri(audit)
            .queryParam("uscc", code)
            .get("/api/v1/events")
            .then()
            .extract()
            .jsonPath()
            .getList("items.eventId");
    List<VerifierKey> witnesses = witnessKeys(audit);
    assertThat(witnesses).hasSize(4);
    for (String eventId : eventIds) {
      JsonPath proven =
          as(Roles.AUDITOR, null)
              .baseUri(audit)
              .get("/api/v1/events/" + eventId)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String note = proven.getString("proof.checkpoint");
      String[] lines = note.split("\n");
      byte[] root = Base64.getDecoder().decode(lines[2]);
      InclusionProofVerifier.verify(
          Base64.getDecoder().decode(proven.getString("event.leafHash")),
          proven.getLong("event.leafIndex"),
          Long.parseLong(lines[1]),
          proven.<String>getList("proof.hashes").stream().map(Base64.getDecoder()::decode).toList(),
          root);
      assertThat(signed(note, checkpoint.getString("origin"), checkpoint.getString("publicKey")))
          .as("checkpoint signature")
          .isTrue();
      SignedNote cosigned = SignedNote.parse(note).orElseThrow();
      assertThat(witnesses.stream().filter(cosigned::signedBy).count())
          .as("province witnesses that cosigned the checkpoint")
          .isGreaterThanOrEqualTo(3);
    }
    checkEvidenceOffline(audit, id, code);
  }

  /**
   * The host province's reader downloads the evidence of the revoked recognition; the repository's
   * verify-evidence command checks it against the published witness policy, with no service.
   */
  private static void checkEvidenceOffline(String audit, String id, String code) throws Exception {
    Path dir = Files.createTempDirectory("evidence");
    Path file = dir.resolve("recognition-" + id + ".evidence");
    Path policy = dir.resolve("witness-policy.txt");
    Files.write(
        file,
        as(Roles.READER, Province.SH)
            .baseUri(audit)
            .get("/api/v1/recognitions/" + id + "/evidence")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray());
    Files.writeString(
        policy, as(Roles.AUDITOR, null).baseUri(audit).get("/api/v1/witness-policy").asString());
    Path root = Path.of(System.getProperty("yrd.root", "../..")).toAbsolutePath().normalize();
    Process check =
        new ProcessBuilder(
                root.resolve("audit-service/verify-evidence").toString(),
                file.toString(),
                "--policy",
                policy.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(report).isZero();
    assertThat(report)
        .startsWith("OK: recognition " + id + " of " + code + ": REVOKED\n")
        .contains("cn.yrd.registration.registered.v1", "cn.yrd.recognition.revoked.v1");
    EvidenceVerifier.Verdict verdict =
        EvidenceVerifier.verify(
            Files.readAllBytes(file), WitnessPolicy.parse(Files.readString(policy)));
    assertThat(verdict.summary().cosignedBy()).hasSizeGreaterThanOrEqualTo(3);
  }

  /** The witnesses of the published policy (C2SP tlog-policy), by their verifier keys. */
  private static List<VerifierKey> witnessKeys(String audit) {
    String policy =
        as(Roles.AUDITOR, null)
            .baseUri(audit)
            .get("/api/v1/witness-policy")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return List.copyOf(WitnessPolicy.parse(policy).witnesses().values());
  }

  private static boolean signed(String note, String keyName, String publicKey) throws Exception {
    byte[] x509 = new byte[44];
    System.arraycopy(Base64.getDecoder().decode("MCowBQYDK2VwAyEA"), 0, x509, 0, 12);
    System.arraycopy(Base64.getDecoder().decode(publicKey), 0, x509, 12, 32);
    int split = note.indexOf("\n\n");
    // The log's own line comes first; the witnesses' cosignatures follow it.
    String line = note.substring(split + 2).lines().findFirst().orElseThrow();
    String prefix = "\u2014 " + keyName + " ";
    byte[] tagged = Base64.getDecoder().decode(line.substring(prefix.length()));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
    verifier.update(note.substring(0, split + 1).getBytes(StandardCharsets.UTF_8));
    return line.startsWith(prefix) && verifier.verify(Arrays.copyOfRange(tagged, 4, tagged.length));
  }
}
