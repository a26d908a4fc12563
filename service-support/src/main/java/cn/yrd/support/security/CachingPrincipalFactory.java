package cn.yrd.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Turns a bearer token into the request's principal: verified by smallrye-jwt's own parser
 * (signature, issuer, expiry, with the {@code mp.jwt.verify.*} settings), then remembered in {@link
 * VerifiedTokens}. Replaces smallrye-jwt's default factory, which verifies the RSA signature of the
 * same token on every request.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingPrincipalFactory extends JWTCallerPrincipalFactory {
  /** Verifies one token; a seam so that tests can count verifications. */
  interface Verifier {
    JWTCallerPrincipal verify(String token, JWTAuthContextInfo context) throws ParseException;
  }

  private static final int CAPACITY = 10_000;
  private static final DefaultJWTTokenParser PARSER = new DefaultJWTTokenParser();

  private final VerifiedTokens verified;
  private final Verifier verifier;

  public CachingPrincipalFactory() {
    this(new VerifiedTokens(CAPACITY, System::currentTimeMillis), CachingPrincipalFactory::verify);
  }

  CachingPrincipalFactory(VerifiedTokens verified, Verifier verifier) {
    this.verified = verified;
    this.verifier = verifier;
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
    JWTCallerPrincipal known = verified.find(token);
    if (known != null) {
      return known;
    }
    JWTCallerPrincipal principal = verifier.verify(token, context);
    // A maximum token age is a check that changes with time; such tokens are verified each time.
    if (context.getTokenAge() == null) {
      verified.remember(token, principal);
    }
    return principal;
  }

  /** smallrye-jwt's verification, as its default factory does it. */
  static JWTCallerPrincipal verify(String token, JWTAuthContextInfo context) throws ParseException {
    JwtContext verifiedToken = PARSER.parse(token, context);
    String type = verifiedToken.getJoseObjects().get(0).getHeader("typ");
    return new TokenPrincipal(type, verifiedToken.getJwtClaims());
  }
}
