package cn.yrd.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuersTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path keys;

  @Test
  void servesEachRealmsMetadataAndAJwksThatVerifiesItsTokens() throws Exception {
    try (DevIssuers issuers = DevIssuers.start(keys, 0)) {
      DevIssuer jiangsu = issuers.of(Province.JS);
      String metadata = get(jiangsu.url() + "/.well-known/openid-configuration").body();
      assertThat(metadata)
          .contains("\"issuer\":\"" + jiangsu.url() + "\"")
          .contains("\"jwks_uri\":\"" + jiangsu.url() + "/protocol/openid-connect/certs\"");
      JsonWebKeySet jwks =
          new JsonWebKeySet(get(jiangsu.url() + "/protocol/openid-connect/certs").body());
      assertThat(jwks.getJsonWebKeys()).hasSize(1);
      assertThat(jwks.toJson()).doesNotContain("\"d\"");

      JwtClaims claims =
          consumer(jwks, jiangsu.url())
              .processToClaims(
                  issuers.token(Roles.REGISTRAR, Province.JS, java.time.Duration.ofMinutes(5)));
      assertThat(claims.getStringListClaimValue("groups")).containsExactly(Roles.REGISTRAR);
      assertThat(claims.getClaimValueAsString("province")).isEqualTo("JS");
      assertThat(claims.getAudience()).containsExactly(DevIssuers.AUDIENCE);
    }
  }

  @Test
  void issuesATokenForClientCredentialsOfARoleItGrants() throws Exception {
    try (DevIssuers issuers = DevIssuers.start(keys, 0)) {
      DevIssuer federation = issuers.federation();
      HttpResponse<String> granted = token(federation, Roles.AUDITOR, federation.clientSecret());
      assertThat(granted.statusCode()).isEqualTo(200);
      String token = granted.body().replaceAll(".*\"access_token\":\"([^\"]*)\".*", "$1");
      JsonWebKeySet jwks =
          new JsonWebKeySet(get(federation.url() + "/protocol/openid-connect/certs").body());
      JwtClaims claims = consumer(jwks, federation.url()).processToClaims(token);
      assertThat(claims.getStringListClaimValue("groups")).containsExactly(Roles.AUDITOR);
      assertThat(claims.hasClaim("province")).isFalse();

      assertThat(token(federation, Roles.AUDITOR, "wrong").statusCode()).isEqualTo(401);
      assertThat(token(federation, Roles.REGISTRAR, federation.clientSecret()).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void keepsEachIssuersKeyAndSecretAcrossRestarts() {
    String keyId;
    String secret;
    try (DevIssuers first = DevIssuers.start(keys, 0)) {
      keyId = first.of(Province.SH).signingKey().getKeyId();
      secret = first.of(Province.SH).clientSecret();
      assertThat(first.of(Province.ZJ).signingKey().getKeyId()).isNotEqualTo(keyId);
    }
    try (DevIssuers again = DevIssuers.start(keys, 0)) {
      assertThat(again.of(Province.SH).signingKey().getKeyId()).isEqualTo(keyId);
      assertThat(again.of(Province.SH).clientSecret()).isEqualTo(secret);
    }
  }

  @Test
  void publishesARotatedKeyBesideTheOldOneUntilTheOldIsWithdrawn() throws Exception {
    try (DevIssuers issuers = DevIssuers.start(keys, 0)) {
      DevIssuer anhui = issuers.of(Province.AH);
      String old = anhui.signingKey().getKeyId();
      String next = anhui.rotate().getKeyId();
      String certs = anhui.url() + "/protocol/openid-connect/certs";
      assertThat(get(certs).body()).contains(old).contains(next);
      anhui.withdraw(old);
      assertThat(get(certs).body()).doesNotContain(old).contains(next);
    }
  }

  private static JwtConsumer consumer(JsonWebKeySet jwks, String issuer) {
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
        .setExpectedIssuer(issuer)
        .setExpectedAudience(DevIssuers.AUDIENCE)
        .setRequireExpirationTime()
        .build();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> token(DevIssuer issuer, String client, String secret)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(issuer.url() + "/protocol/openid-connect/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
