package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.assertNotStored;
import static cn.yrd.registry.Fixtures.registration;
import static cn.yrd.registry.Fixtures.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.DevIssuer;
import cn.yrd.local.DevIssuers;
import cn.yrd.local.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Tokens from the provinces' own issuers: each binds its holder to its issuer's province, and every
 * forged, foreign or stale one is refused with nothing changed. This registry is Shanghai's.
 */
@QuarkusTest
class FederatedIdentityTest {
  private static final String REGISTRATIONS = "/api/v1/registrations";

  private final DevIssuers issuers = TestTokens.issuers();
  private final DevIssuer shanghai = issuers.of(Province.SH);
  private final DevIssuer jiangsu = issuers.of(Province.JS);

  @Test
  void registersWithATokenWithoutProvinceClaimAsItsIssuersProvince() {
    JwtClaims claims = registrarClaims(shanghai);
    claims.unsetClaim("province");
    register(shanghai.sign(claims)).statusCode(201).body("province", is("SH"));
  }

  @Test
  void registersWithATokenAProvincialSystemGotWithClientCredentials() {
    String token =
        given()
            .auth()
            .preemptive()
            .basic(Roles.REGISTRAR, shanghai.clientSecret())
            .formParam("grant_type", "client_credentials")
            .post(shanghai.url() + "/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    register(token).statusCode(201);
  }

  @Test
  void refusesATokenFromAnotherProvincesIssuerClaimingThisProvince() {
    JwtClaims claims = registrarClaims(jiangsu);
    claims.setClaim("province", "SH");
    refused(jiangsu.sign(claims))
        .body("detail", containsString("claims province SH"))
        .body("detail", containsString("(js) speaks for JS"));
  }

  @Test
  void refusesATokenFromAnIssuerItDoesNotTrust() {
    JwtClaims claims = registrarClaims(shanghai);
    claims.setIssuer(issuers.url() + "/realms/gd");
    refused(shanghai.sign(claims));
  }

  @Test
  void refusesATokenSignedWithAKeyAnotherIssuerPublishesUnderThisIssuersKeyId() {
    RsaJsonWebKey impostor = DevIssuer.newKey("impostor");
    impostor.setKeyId(shanghai.signingKey().getKeyId());
    jiangsu.publish(impostor);
    try {
      refused(DevIssuer.signWith(impostor, registrarClaims(shanghai)));
      // Under Jiangsu's own issuer the key verifies, and binds its holder to Jiangsu.
      register(DevIssuer.signWith(impostor, registrarClaims(jiangsu)))
          .statusCode(403)
          .body("detail", containsString("JS"));
      register(shanghai.sign(registrarClaims(shanghai))).statusCode(201);
    } finally {
      jiangsu.withdraw(impostor.getKeyId());
    }
  }

  @Test
  void refusesATokenSignedWithAKeyItsIssuerHasWithdrawn() throws InterruptedException {
    RsaJsonWebKey current = shanghai.signingKey();
    RsaJsonWebKey next = shanghai.rotate();
    try {
      register(shanghai.sign(registrarClaims(shanghai))).statusCode(201);
      shanghai.withdraw(next.getKeyId());
      // Within the key cache's lifetime (2 s and a 1-s sweep under test), a new token fails.
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      int status;
      do {
        Thread.sleep(250);
        status = register(shanghai.sign(registrarClaims(shanghai))).extract().statusCode();
      } while (status == 201 && System.nanoTime() < deadline);
      assertThat(status).isEqualTo(401);
      refused(shanghai.sign(registrarClaims(shanghai)));
    } finally {
      shanghai.signWith(current);
    }
    register(shanghai.sign(registrarClaims(shanghai))).statusCode(201);
  }

  @Test
  void refusesAnUnsignedTokenAndOneSignedWithTheIssuersPublicKeyAsAnHmacSecret() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims =
        b64.encodeToString(registrarClaims(shanghai).toJson().getBytes(StandardCharsets.UTF_8));
    String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    refused(none + "." + claims + ".");
    String header =
        b64.encodeToString(
            ("{\"alg\":\"HS256\",\"kid\":\"" + shanghai.signingKey().getKeyId() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(shanghai.signingKey().getPublicKey().getEncoded(), "HmacSHA256"));
    String signature =
        b64.encodeToString(
            hmac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    refused(header + "." + claims + "." + signature);
  }

  @Test
  void refusesATokenForAnotherAudience() {
    JwtClaims claims = registrarClaims(shanghai);
    claims.setAudience("another-federation");
    refused(shanghai.sign(claims));
  }

  @Test
  void refusesAnExpiredToken() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    refused(
        shanghai.sign(
            shanghai.claims(
                "registrar-sh", List.of(Roles.REGISTRAR), past, past.plus(Duration.ofHours(1)))));
  }

  @Test
  void looksUpAnIssuersKeysForUnknownKeyIdsAtMostOncePerInterval() {
    register(shanghai.sign(registrarClaims(shanghai))).statusCode(201);
    int before = shanghai.keySetRequests();
    for (int i = 0; i < 5; i++) {
      refused(DevIssuer.signWith(DevIssuer.newKey("unknown"), registrarClaims(shanghai)));
    }
    assertThat(shanghai.keySetRequests() - before).isLessThanOrEqualTo(1);
  }

  private static JwtClaims registrarClaims(DevIssuer issuer) {
    Instant now = Instant.now();
    return issuer.claims(
        "registrar-" + issuer.realm(),
        List.of(Roles.REGISTRAR),
        now,
        now.plus(Duration.ofHours(1)));
  }

  private static ValidatableResponse register(String token) {
    return register(token, registration());
  }

  private static ValidatableResponse register(String token, Map<String, Object> body) {
    return withToken(token).body(body).post(REGISTRATIONS).then();
  }

  /** A registration with the token is refused (401, a problem) and nothing is stored. */
  private static ValidatableResponse refused(String token) {
    Map<String, Object> body = registration();
    ValidatableResponse response =
        register(token, body)
            .statusCode(401)
            .contentType("application/problem+json")
            .body("status", is(401));
    assertNotStored(body);
    return response;
  }
}
