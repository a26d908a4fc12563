package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.local.DevIssuer;
import cn.yrd.local.DevIssuers;
import cn.yrd.local.Federation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security and bad input, both generated from each service's live OpenAPI document so that no
 * endpoint can be missed. The authorization matrix: every operation × every issuer (four provinces'
 * and the federation's) × every role named in its token, and no token, an expired one, a bad
 * signature, a foreign issuer and one province's token claiming another; expected 401 for every bad
 * token, 403 for a role or province the operation does not admit, neither for the ones it admits,
 * and no success that was not authorized. Bad input: 500 malformed bodies per write operation
 * ({@link MalformedRequests}) and bad paging on every list, each refused with a problem, nothing
 * written.
 */
class SecurityAndBadInputTest {
  private static final List<String> ROLES =
      List.of(
          Roles.REGISTRAR,
          Roles.SUPERVISOR,
          Roles.RECOGNITION_OFFICER,
          Roles.AUDITOR,
          Roles.READER);
  private static final Path DOCUMENTS = Path.of("target", "openapi");
  private static Federation federation;
  private static String shUscc;
  private static String jsUscc;
  private static String conflictId;
  private static String recognitionId;
  private static String eventId;

  @BeforeAll
  static void start() {
    federation = TestFederation.start("federation-authz");
    // Every response from here on is checked against the live documents, which the linters of
    // .ci/run then read from target/openapi.
    for (Province province : Province.values()) {
      ResponseContract.watch(federation.registryUrl(province));
      ResponseContract.save(
          federation.registryUrl(province),
          DOCUMENTS,
          "registry-" + province.name().toLowerCase(Locale.ROOT));
    }
    for (String service : List.of("recognition", "audit")) {
      ResponseContract.watch(federation.url(service));
      ResponseContract.save(federation.url(service), DOCUMENTS, service);
    }
    String person = ResidentIdNumber.compose("310115", LocalDate.of(1968, 8, 8), 77);
    shUscc = TestFederation.register(federation, Province.SH, "310115", person);
    jsUscc = TestFederation.register(federation, Province.JS, "320583", person);
    conflictId = TestFederation.awaitConflictOf(federation, shUscc);
    recognitionId = TestFederation.requestRecognition(federation, Province.JS, jsUscc, Province.SH);
    // The recognition's events are in the log, so that its evidence answers by who asks.
    TestFederation.awaitAuditTrail(federation, jsUscc, 3);
    eventId = TestFederation.awaitAuditTrail(federation, shUscc, 1).get(0).path("eventId").asText();
  }

  @AfterAll
  static void stop() {
    ResponseContract.Report report = ResponseContract.finish();
    if (federation != null) {
      federation.close();
    }
    TestFederation.figure(
        String.format(
            "OpenAPI response contract (authorization and bad input): %d responses checked"
                + " against the live documents, %d problem types resolved; %d violations",
            report.checked(), report.problemTypes(), report.violations().size()));
    assertThat(report.problemTypes()).as("problem types seen").isGreaterThanOrEqualTo(8);
    assertThat(report.checked()).as("responses checked").isGreaterThan(500);
    assertThat(report.violations()).as("responses that break the live OpenAPI documents").isEmpty();
  }

  /**
   * Every operation shows a client what to send and what comes back: an example for each request
   * media type and each success response, each valid against its schema.
   */
  @Test
  void everyOperationHasRequestAndResponseExamplesThatFitTheirSchemas() {
    List<String> faults = new ArrayList<>();
    for (String url :
        List.of(
            federation.registryUrl(Province.ZJ),
            federation.url("recognition"),
            federation.url("audit"))) {
      faults.addAll(ResponseContract.exampleFaults(url));
    }
    assertThat(faults).isEmpty();
  }

  @Test
  void eachRegistryDocumentNamesItsProvinceAndEveryOperationIdIsAVerb() throws Exception {
    for (Province province : Province.values()) {
      JsonNode doc =
          TestFederation.JSON.readTree(
              Http.get(federation.registryUrl(province) + "/q/openapi?format=json", null));
      assertThat(doc.path("info").path("x-province").asText()).isEqualTo(province.name());
      assertThat(doc.path("info").path("summary").asText()).contains(province.chineseName());
    }
    for (String url :
        List.of(
            federation.registryUrl(Province.SH),
            federation.url("recognition"),
            federation.url("audit"))) {
      List<String> ids = new ArrayList<>();
      OpenApiOperations.of(url).forEach(operation -> ids.add(operation.operationId()));
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(id)
                      .matches(
                          "(get|list|search|register|amend|deregister|revoke|transferOut|"
                              + "record|addTo|removeFrom|award|downgrade|withdraw|import|decode|add|"
                              + "set|acknowledge|resolve|dismiss|request|decide|run|export|verify|check|read|"
                              + "follow|take|replay|reconcile)"
                              + "[A-Z][A-Za-z]*"));
    }
  }

  /**
   * Who calls: the role its issuer grants (null: none) and the issuer's province (null: the
   * federation's), or a token that does not authenticate.
   */
  private record Caller(
      String label, String token, String role, Province province, boolean authenticated) {}

  @Test
  void noOperationOfAnyServiceAdmitsACallerItShouldNot() {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("registry-sh", federation.registryUrl(Province.SH));
    services.put("recognition", federation.url("recognition"));
    services.put("audit", federation.url("audit"));
    List<String> violations = new ArrayList<>();
    int requests = 0;
    int operations = 0;
    int unauthorizedSuccesses = 0;
    for (Map.Entry<String, String> service : services.entrySet()) {
      List<OpenApiOperations.Operation> ops = OpenApiOperations.of(service.getValue());
      assertThat(ops).as(service.getKey() + " declares operations").isNotEmpty();
      for (OpenApiOperations.Operation op : ops) {
        operations++;
        for (Caller caller : callers()) {
          HttpResponse<String> response = call(service.getValue(), op, caller);
          requests++;
          int status = response.statusCode();
          String expected = expected(service.getKey(), op, caller);
          boolean authorized = expected.equals("admitted");
          if (status >= 200 && status < 300 && !authorized) {
            unauthorizedSuccesses++;
          }
          boolean ok =
              switch (expected) {
                case "401" -> status == 401;
                case "403" -> status == 403;
                default -> status != 401 && status != 403 && status < 500;
              };
          if (!ok) {
            violations.add(
                service.getKey()
                    + " "
                    + op
                    + " as "
                    + caller.label()
                    + ": expected "
                    + expected
                    + ", got "
                    + status
                    + " "
                    + abbreviate(response.body()));
          }
          if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(service.getKey() + " " + op + " as " + caller.label() + " error body")
                .startsWith("application/problem+json");
          }
        }
      }
    }
    TestFederation.figure(
        String.format(
            "authorization matrix: %d operations × %d callers = %d requests; %d violations; unauthorized successes = %d",
            operations, callers().size(), requests, violations.size(), unauthorizedSuccesses));
    assertThat(violations).isEmpty();
    assertThat(unauthorizedSuccesses).isZero();
  }

  @Test
  void malformedRequestsAreRefusedWithAProblemAndChangeNothing() {
    String fuzzUscc = TestFederation.register(federation, Province.SH, "310115", null);
    Map<String, String> services = new LinkedHashMap<>();
    services.put("registry-sh", federation.registryUrl(Province.SH));
    services.put("recognition", federation.url("recognition"));
    services.put("audit", federation.url("audit"));
    TestFederation.await(
        () -> stateDigest().equals(stateDigest()), Duration.ofSeconds(30), "a quiet federation");
    TestFederation.sleep(2_000);
    String before = stateDigest();
    List<String> failures = new ArrayList<>();
    int tried = 0;
    int endpoints = 0;
    for (Map.Entry<String, String> service : services.entrySet()) {
      for (OpenApiOperations.Operation op : OpenApiOperations.of(service.getValue())) {
        List<String> bodies;
        if (op.writes() && op.exampleBody() != null) {
          JsonNode valid =
              op.contentType().contains("ndjson") || op.path().equals("/api/v1/registrations")
                  ? TestFederation.registration(Province.SH, "310115", null)
                  : op.exampleBody();
          bodies = MalformedRequests.of(valid, op.requiredFields(), 500, op.path().hashCode());
        } else if (!op.writes()
            && op.path()
                .matches(".*(registrations|conflicts|recognitions|events|organizations)$")) {
          bodies = List.of();
        } else {
          continue;
        }
        endpoints++;
        String token = fuzzCaller(service.getKey(), op);
        String url = service.getValue() + target(op, fuzzUscc);
        for (String body : bodies) {
          tried++;
          HttpResponse<String> response =
              Http.send(
                  op.method(),
                  url,
                  token,
                  op.contentType(),
                  op.contentType().contains("ndjson") ? body.replace("\n", " ") : body,
                  op.method().equals("PATCH") ? Map.of("If-Match", "\"1\"") : Map.of());
          check(
              service.getKey() + " " + op,
              body,
              response,
              op.contentType().contains("ndjson"),
              failures);
        }
        if (op.writes()) {
          // Beyond the HTTP layer's body limit (10 MB; the registry allows 1 GB for imports).
          tried++;
          String huge = "{\"x\":\"" + "长".repeat(4_000_000) + "\"}";
          HttpResponse<String> response =
              Http.send(op.method(), url, token, op.contentType(), huge, Map.of());
          check(
              service.getKey() + " " + op + " (12 MB)",
              "{…12 MB…}",
              response,
              op.contentType().contains("ndjson"),
              failures);
          // HTTP/2 forbids connection-specific headers (RFC 9113, 8.2.2); newer clients refuse
          // them.
          if (response.version() == HttpClient.Version.HTTP_2
              && response.headers().firstValue("connection").isPresent()) {
            failures.add(service.getKey() + " " + op + " (12 MB): Connection header over HTTP/2");
          }
        }
        if (!op.writes()) {
          for (String query : BAD_PAGINATION) {
            tried++;
            HttpResponse<String> response = Http.send("GET", url + query, token, null, null);
            check(service.getKey() + " " + op + query, "", response, false, failures);
          }
        }
      }
    }
    TestFederation.sleep(2_000);
    String after = stateDigest();
    TestFederation.figure(
        String.format(
            "bad input: %d malformed requests over %d endpoints; %d not refused with a problem; state before %s after %s",
            tried, endpoints, failures.size(), before, after));
    assertThat(failures).isEmpty();
    assertThat(after).as("no row written, no event published").isEqualTo(before);
  }

  private static final List<String> BAD_PAGINATION =
      List.of(
          "?page=-1",
          "?page=abc",
          "?size=0",
          "?size=100000",
          "?size=-5",
          "?page=99999999999999999999",
          "?limit=0",
          "?limit=1000000",
          "?cursor=%00%01garbage",
          "?cursor=" + "A".repeat(5000),
          "?status=NOT_A_STATUS",
          "?province=XX",
          "?from=yesterday",
          "?uscc=%27%20OR%201%3D1");

  private static void check(
      String what,
      String body,
      HttpResponse<String> response,
      boolean report,
      List<String> failures) {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    boolean refused = status >= 400 && status < 500 && type.startsWith("application/problem+json");
    // A bulk import answers 200 with a report naming every rejected line.
    boolean reported = report && status == 200 && response.body().contains("\"accepted\":0");
    boolean harmlessRead = !what.contains("POST") && !what.contains("PATCH") && status == 200;
    if (!refused && !reported && !(harmlessRead && what.contains("?"))) {
      failures.add(
          what
              + " ← "
              + abbreviate(body)
              + " → "
              + status
              + " "
              + type
              + " "
              + abbreviate(response.body()));
    }
  }

  /** Row counts that any accepted write would change, in every service's database. */
  private static String stateDigest() {
    return TestFederation.count(federation, "registry_sh", "SELECT count(*) FROM organization")
        + "/"
        + TestFederation.count(federation, "registry_sh", "SELECT count(*) FROM outbox_event")
        + "/"
        + TestFederation.count(
            federation, "registry_sh", "SELECT count(*) FROM organization_history")
        + "/"
        + TestFederation.count(federation, "recognition", "SELECT count(*) FROM recognition")
        + "/"
        + TestFederation.count(federation, "recognition", "SELECT count(*) FROM outbox_event")
        + "/"
        + TestFederation.count(federation, "audit", "SELECT count(*) FROM audit_event");
  }

  /** A caller the operation admits, so that only the input decides. */
  private static String fuzzCaller(String service, OpenApiOperations.Operation op) {
    if (op.roles().isEmpty()) {
      return federation.token(Roles.AUDITOR, null);
    }
    String role = op.roles().get(0);
    if (service.equals("recognition") && op.writes()) {
      role = Roles.RECOGNITION_OFFICER;
    }
    return federation.token(role, role.equals(Roles.AUDITOR) ? null : Province.SH);
  }

  private static String target(OpenApiOperations.Operation op, String uscc) {
    return op.path()
        .replace("{uscc}", uscc)
        .replace("{code}", uscc)
        .replace("{eventId}", eventId)
        .replace("{province}", "SH")
        // A real UUID that names no delivery: the province rule answers, not the parameter's.
        .replace("{deliveryId}", eventId)
        .replace("{id}", op.path().startsWith("/api/v1/conflicts") ? conflictId : recognitionId)
        .replaceAll("\\{[^}]+}", "unknown");
  }

  private static List<Caller> callers() {
    List<Caller> callers = new ArrayList<>();
    DevIssuers issuers = federation.issuers();
    List<Province> issuerProvinces = new ArrayList<>(List.of(Province.values()));
    issuerProvinces.add(null);
    for (Province issuer : issuerProvinces) {
      // Every role's name in every issuer's token: an issuer grants only the roles it may.
      for (String role : ROLES) {
        boolean granted = (issuer == null) == role.equals(Roles.AUDITOR);
        String label = role + "@" + (issuer == null ? "federation" : issuer.name());
        String token = issuers.token(role, issuer, Duration.ofHours(1));
        callers.add(new Caller(label, token, granted ? role : null, issuer, true));
      }
    }
    DevIssuer shanghai = issuers.of(Province.SH);
    Instant now = Instant.now();
    callers.add(new Caller("no token", null, null, null, false));
    callers.add(
        new Caller(
            "expired token",
            shanghai.sign(
                shanghai.claims(
                    "expired",
                    ROLES,
                    now.minus(Duration.ofHours(2)),
                    now.minus(Duration.ofHours(1)))),
            null,
            null,
            false));
    String valid = federation.token(Roles.REGISTRAR, Province.SH);
    String[] parts = valid.split("\\.");
    char c = parts[2].charAt(3);
    parts[2] = parts[2].substring(0, 3) + (c == 'A' ? 'B' : 'A') + parts[2].substring(4);
    callers.add(new Caller("bad signature", String.join(".", parts), null, null, false));
    JwtClaims foreign = shanghai.claims("stranger", ROLES, now, now.plus(Duration.ofHours(1)));
    foreign.setIssuer("https://elsewhere.example/realms/sh");
    callers.add(new Caller("foreign issuer", shanghai.sign(foreign), null, null, false));
    DevIssuer jiangsu = issuers.of(Province.JS);
    JwtClaims claimingShanghai =
        jiangsu.claims("js-as-sh", ROLES, now, now.plus(Duration.ofHours(1)));
    claimingShanghai.setClaim("province", "SH");
    callers.add(
        new Caller(
            "Jiangsu's token claiming SH", jiangsu.sign(claimingShanghai), null, null, false));
    return callers;
  }

  /** "401", "403" or "admitted". */
  private static String expected(String service, OpenApiOperations.Operation op, Caller caller) {
    if (!op.secured()) {
      return "admitted";
    }
    if (!caller.authenticated()) {
      return "401";
    }
    if (caller.role() == null) {
      return op.roles().isEmpty() ? "admitted" : "403";
    }
    if (!op.roles().isEmpty() && !op.roles().contains(caller.role())) {
      return "403";
    }
    Province p = caller.province();
    boolean provinceAdmitted =
        switch (service) {
          case "registry-sh" -> p == null || p == Province.SH;
          case "recognition" -> recognitionAdmits(op, caller.role(), p);
          case "audit" -> auditAdmits(op, p);
          default -> true;
        };
    return provinceAdmitted ? "admitted" : "403";
  }

  /**
   * One event is the province's own: readers elsewhere are refused, lists are filtered. A
   * recognition's evidence is its home's and its host's (JS and SH here).
   */
  private static boolean auditAdmits(OpenApiOperations.Operation op, Province p) {
    if (p == null) {
      return true;
    }
    if (op.path().contains("{eventId}")) {
      return p == Province.SH;
    }
    if (op.path().endsWith("/evidence")) {
      return p == Province.SH || p == Province.JS;
    }
    return true;
  }

  private static boolean recognitionAdmits(
      OpenApiOperations.Operation op, String role, Province p) {
    if (op.path().startsWith("/api/v1/webhooks/")) {
      // Shanghai's webhook: its own callers manage it; an auditor reads it.
      return p == null || p == Province.SH;
    }
    if (!op.writes()) {
      return true;
    }
    if (op.path().startsWith("/api/v1/conflicts/")) {
      return p == Province.SH || p == Province.JS;
    }
    if (op.path().equals("/api/v1/recognitions")) {
      return (role.equals(Roles.RECOGNITION_OFFICER) && p == Province.SH)
          || (role.equals(Roles.REGISTRAR) && p == Province.JS);
    }
    if (op.path().startsWith("/api/v1/recognitions/")) {
      return p == Province.SH;
    }
    return true;
  }

  private static HttpResponse<String> call(
      String base, OpenApiOperations.Operation op, Caller caller) {
    String path =
        op.path()
            .replace("{uscc}", shUscc)
            .replace("{code}", shUscc)
            .replace("{eventId}", eventId)
            .replace("{province}", "SH")
            // A real UUID that names no delivery: the province rule answers, not the parameter's.
            .replace("{deliveryId}", eventId)
            .replace("{id}", op.path().startsWith("/api/v1/conflicts") ? conflictId : recognitionId)
            // Any other parameter (a person reference…): a value that names nothing.
            .replaceAll("\\{[^}]+}", "unknown");
    if (op.path().equals("/api/v1/feed")) {
      // A followed feed never ends; this asks for what it holds now, then the end.
      path += "?follow=false";
    }
    String body = null;
    if (op.exampleBody() != null) {
      JsonNode example = op.exampleBody().deepCopy();
      if (op.path().equals("/api/v1/registrations") || op.contentType().contains("ndjson")) {
        example = TestFederation.registration(Province.SH, "310115", null);
      } else if (op.path().equals("/api/v1/recognitions")) {
        ObjectNode request = TestFederation.JSON.createObjectNode();
        request.put("uscc", jsUscc);
        request.put("hostProvince", "SH");
        request.put("scope", "OFFICE");
        example = request;
      }
      body = example.toString();
    } else if (op.writes()) {
      body = "";
    }
    Map<String, String> headers =
        op.method().equals("PATCH") ? Map.of("If-Match", "\"1\"") : Map.of();
    String contentType = op.contentType() == null && op.writes() ? null : op.contentType();
    return Http.send(op.method(), base + path, caller.token(), contentType, body, headers);
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
