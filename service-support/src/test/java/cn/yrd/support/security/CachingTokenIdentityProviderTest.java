package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class CachingTokenIdentityProviderTest {
  private static final String SH = "https://idp.sh.example/realms/sh";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private final AtomicInteger verifications = new AtomicInteger();
  private final CachingTokenIdentityProvider provider =
      new CachingTokenIdentityProvider(
          (request, context) -> {
            verifications.incrementAndGet();
            String kid = header(request.getToken().getToken());
            if (kid.contains("forged")) {
              return Uni.createFrom().failure(new AuthenticationFailedException("no such key"));
            }
            return Uni.createFrom().item(identity(request.getToken().getToken()));
          },
          new VerifiedTokens(100, clock::get),
          new UnknownKeyGuard(Duration.ofSeconds(30).toMillis(), clock::get));

  @Test
  void verifiesARepeatedTokenOnce() {
    String token = token("sh-1", "a");
    authenticate(token);
    authenticate(token);
    assertEquals(1, verifications.get());
  }

  @Test
  void verifiesARepeatedTokenAgainAfterTheLongestReuse() {
    String token = token("sh-1", "a");
    authenticate(token);
    clock.addAndGet(VerifiedTokens.LONGEST_REUSE.toMillis());
    authenticate(token);
    assertEquals(2, verifications.get());
  }

  @Test
  void looksUpOneUnknownKeyIdPerIntervalOnceTheIssuersKeysAreKnown() {
    provider.published(SH, Set.of("sh-1"));
    authenticate(token("sh-1", "a"));
    for (int i = 0; i < 5; i++) {
      String forged = token("forged-" + i, "b");
      assertThrows(AuthenticationFailedException.class, () -> authenticate(forged));
      provider.published(SH, Set.of("sh-1"));
    }
    assertEquals(2, verifications.get());
    clock.addAndGet(Duration.ofSeconds(30).toMillis());
    assertThrows(AuthenticationFailedException.class, () -> authenticate(token("forged-9", "c")));
    assertEquals(3, verifications.get());
  }

  @Test
  void learnsTheTenantOfAnIssuerFromATokenItVerified() {
    assertThrows(AuthenticationFailedException.class, () -> authenticate(token("forged-1", "a")));
    assertNull(provider.tenantOf(token("sh-1", "b"), null));
    authenticate(token("sh-1", "a"));
    assertEquals("sh", provider.tenantOf(token("sh-2", "b"), null));
    assertNull(provider.tenantOf("not-a-token", null));
  }

  @Test
  void refusesWhatIsNotAJwtWithoutVerifyingIt() {
    assertThrows(AuthenticationFailedException.class, () -> authenticate("not-a-token"));
    String numericIssuer = B64.encodeToString("{\"iss\":7}".getBytes(StandardCharsets.UTF_8));
    assertThrows(
        AuthenticationFailedException.class,
        () -> authenticate(token("sh-1", "a").split("\\.")[0] + "." + numericIssuer + ".sig"));
    assertEquals(0, verifications.get());
  }

  private SecurityIdentity authenticate(String token) {
    return provider
        .authenticate(new TokenAuthenticationRequest(new AccessTokenCredential(token)), null)
        .await()
        .indefinitely();
  }

  /** An unsigned token naming a key id: verifying it is the seam's. */
  private String token(String kid, String subject) {
    String header = "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
    long expires = clock.get() / 1000 + 3600;
    String claims = "{\"iss\":\"" + SH + "\",\"sub\":\"" + subject + "\",\"exp\":" + expires + "}";
    return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  private static String header(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
  }

  private SecurityIdentity identity(String token) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("someone");
    claims.setExpirationTime(NumericDate.fromMilliseconds(clock.get() + 3_600_000));
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new OidcJwtCallerPrincipal(claims, new AccessTokenCredential(token)))
        .addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, "sh")
        .build();
  }
}
