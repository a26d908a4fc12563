package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class CachingPrincipalFactoryTest {
  private static final String ISSUER = "https://yrd.test/issuer";
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();

  private final JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private final AtomicInteger verifications = new AtomicInteger();
  private final CachingPrincipalFactory factory =
      new CachingPrincipalFactory(
          new VerifiedTokens(100, clock::get),
          (token, info) -> {
            verifications.incrementAndGet();
            return CachingPrincipalFactory.verify(token, info);
          });

  @Test
  void servesRepeatsOfAVerifiedTokenWithoutVerifyingItAgain() throws Exception {
    String token = sign(claims(3600), KEYS.getPrivate());
    JWTCallerPrincipal first = factory.parse(token, context);
    JWTCallerPrincipal second = factory.parse(token, context);
    assertSame(first, second);
    assertEquals(1, verifications.get());
  }

  @Test
  void verifiesAgainOnceTheTokenHasExpired() throws Exception {
    JwtClaims claims = claims(30);
    String token = sign(claims, KEYS.getPrivate());
    factory.parse(token, context);
    clock.set(claims.getExpirationTime().getValueInMillis());
    factory.parse(token, context);
    assertEquals(2, verifications.get());
  }

  @Test
  void verifiesAgainAfterTheLongestReuse() throws Exception {
    String token = sign(claims(3600), KEYS.getPrivate());
    factory.parse(token, context);
    clock.addAndGet(VerifiedTokens.LONGEST_REUSE.toMillis() - 1);
    factory.parse(token, context);
    assertEquals(1, verifications.get());
    clock.addAndGet(1);
    factory.parse(token, context);
    assertEquals(2, verifications.get());
  }

  @Test
  void refusesAForgedTokenEveryTime() throws Exception {
    String forged = sign(claims(3600), OTHER_KEYS.getPrivate());
    assertThrows(ParseException.class, () -> factory.parse(forged, context));
    assertThrows(ParseException.class, () -> factory.parse(forged, context));
    assertEquals(2, verifications.get());
  }

  @Test
  void verifiesEveryTimeWhenATokenAgeIsRequired() throws Exception {
    context.setTokenAge(300L);
    String token = sign(claims(3600), KEYS.getPrivate());
    factory.parse(token, context);
    factory.parse(token, context);
    assertEquals(2, verifications.get());
  }

  @Test
  void readsTheProvinceAndTheStandardClaims() throws Exception {
    JwtClaims claims = claims(3600);
    JWTCallerPrincipal principal = factory.parse(sign(claims, KEYS.getPrivate()), context);
    assertEquals("SH", principal.getClaim("province"));
    assertEquals("registrar-sh", principal.getName());
    assertEquals(Set.of("registrar"), principal.getGroups());
    assertEquals(claims.getExpirationTime().getValue(), principal.getExpirationTime());
    assertEquals(ISSUER, principal.getIssuer());
  }

  @Test
  void namesACustomClaimUnknownWithoutLookingItUpAsAStandardOne() throws Exception {
    TokenPrincipal principal =
        (TokenPrincipal) factory.parse(sign(claims(3600), KEYS.getPrivate()), context);
    assertEquals(org.eclipse.microprofile.jwt.Claims.UNKNOWN, principal.getClaimType("province"));
    assertEquals(org.eclipse.microprofile.jwt.Claims.exp, principal.getClaimType("exp"));
  }

  private static JwtClaims claims(int secondsToLive) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject("registrar-sh");
    claims.setStringListClaim("groups", List.of("registrar"));
    claims.setClaim("province", "SH");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(secondsToLive / 60f);
    return claims;
  }

  private static String sign(JwtClaims claims, PrivateKey key) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    return jws.getCompactSerialization();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
