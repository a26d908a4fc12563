package cn.yrd.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

/**
 * A verified token's claims, read as smallrye-jwt reads them, except that a claim the standard does
 * not name (our {@code province}) is looked up without {@code Claims.valueOf} throwing and catching
 * an exception with its stack trace on every read.
 */
final class TokenPrincipal extends DefaultJWTCallerPrincipal {
  private static final Set<String> STANDARD_CLAIMS =
      Arrays.stream(Claims.values()).map(Claims::name).collect(Collectors.toUnmodifiableSet());

  TokenPrincipal(String tokenType, JwtClaims claims) {
    super(tokenType, claims);
  }

  @Override
  protected Claims getClaimType(String claimName) {
    return STANDARD_CLAIMS.contains(claimName) ? Claims.valueOf(claimName) : Claims.UNKNOWN;
  }
}
