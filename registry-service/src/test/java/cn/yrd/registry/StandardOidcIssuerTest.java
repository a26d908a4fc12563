package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.assertNotStored;
import static cn.yrd.registry.Fixtures.registration;
import static cn.yrd.registry.Fixtures.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Shanghai's issuer played by Quarkus' maintained OIDC test server (quarkus-test-oidc-server), not
 * by our development issuers: a registry needs only what every OIDC provider serves (discovery,
 * JWKS, client credentials) and the issuer's own group names, mapped in configuration.
 */
@QuarkusTest
@TestProfile(StandardOidcIssuerTest.ShanghaiOnTheOidcTestServer.class)
@WithTestResource(
    value = OidcWiremockTestResource.class,
    scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StandardOidcIssuerTest {
  /** The test server's fixed issuer and audience. */
  private static final String ISSUER_AUDIENCE = "https://server.example.com";

  private static final String REGISTRATIONS = "/api/v1/registrations";

  /** Shanghai's tenant discovers the test server's realm; its groups are named its own way. */
  public static class ShanghaiOnTheOidcTestServer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.sh.auth-server-url", "${keycloak.url}/realms/quarkus",
          "quarkus.oidc.sh.token.audience", ISSUER_AUDIENCE,
          "yrd.identity.issuers.sh.roles.admin", "registrar",
          "yrd.identity.issuers.sh.roles.user", "reader");
    }
  }

  @Test
  void registersWithATokenFromTheServersClientCredentialsGrant() {
    String token =
        given()
            .auth()
            .preemptive()
            .basic("provincial-system", "secret")
            .formParam("grant_type", "client_credentials")
            .post(realm() + "/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    register(token, registration()).statusCode(201).body("province", is("SH"));
  }

  @Test
  void grantsTheRolesItsOwnGroupNamesAreMappedTo() {
    Map<String, Object> body = registration();
    register(token(Set.of("admin"), Map.of()), body).statusCode(201);
    String reader = token(Set.of("user"), Map.of());
    withToken(reader).get(REGISTRATIONS + "/" + body.get("uscc")).then().statusCode(200);
    Map<String, Object> another = registration();
    register(reader, another).statusCode(403);
    assertNotStored(another);
  }

  @Test
  void refusesATokenFromTheServerClaimingAnotherProvince() {
    Map<String, Object> body = registration();
    register(token(Set.of("admin"), Map.of("province", "JS")), body)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("claims province JS"))
        .body("detail", containsString("(sh) speaks for SH"));
    assertNotStored(body);
  }

  @Test
  void refusesATokenFromTheServerForAnotherAudience() {
    Map<String, Object> body = registration();
    String token =
        OidcWiremockTestResource.generateJwtToken(
            "alice", Set.of("admin"), "123456", null, Set.of("another-federation"));
    register(token, body).statusCode(401).contentType("application/problem+json");
    assertNotStored(body);
  }

  private static String token(Set<String> groups, Map<String, String> claims) {
    return OidcWiremockTestResource.generateJwtToken(
        "alice", groups, "123456", null, Set.of(ISSUER_AUDIENCE), claims);
  }

  private static String realm() {
    return ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/quarkus";
  }

  private static ValidatableResponse register(String token, Map<String, Object> body) {
    return withToken(token).body(body).post(REGISTRATIONS).then();
  }
}
