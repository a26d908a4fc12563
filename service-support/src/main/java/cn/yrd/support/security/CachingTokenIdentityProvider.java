package cn.yrd.support.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies bearer tokens with quarkus-oidc (the issuer's tenant, its JWKS, audience, expiry), then
 * remembers each verified token ({@link VerifiedTokens}, ADR 0009) so that a client repeating it
 * pays for one RSA verification a minute; and refuses, without fetching the issuer's JWKS, tokens
 * naming key ids the issuer has not used while a lookup was made moments ago ({@link
 * UnknownKeyGuard}). Runs before quarkus-oidc's own provider, which it calls.
 */
@ApplicationScoped
public class CachingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  private static final int CAPACITY = 10_000;

  private final OidcIdentityProvider oidc;
  private final VerifiedTokens verified;
  private final UnknownKeyGuard unknownKeys;

  public CachingTokenIdentityProvider(OidcIdentityProvider oidc, IdentityConfig config) {
    this.oidc = oidc;
    this.verified = new VerifiedTokens(CAPACITY, System::currentTimeMillis);
    this.unknownKeys =
        new UnknownKeyGuard(
            config.unknownKeyLookupInterval().toMillis(), System::currentTimeMillis);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public int priority() {
    return 1;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof AccessTokenCredential)) {
      return Uni.createFrom().nullItem();
    }
    String token = request.getToken().getToken();
    JsonObject header = decodePart(token, 0);
    JsonObject claims = decodePart(token, 1);
    if (header == null || claims == null) {
      return Uni.createFrom().failure(new AuthenticationFailedException("not a JWT"));
    }
    String issuer = claims.getString("iss", "");
    String keyId = header.getString("kid");
    SecurityIdentity known = verified.find(issuer, token);
    if (known != null) {
      return Uni.createFrom().item(forThisRequest(known, request, context));
    }
    if (!unknownKeys.mayVerify(issuer, keyId)) {
      return Uni.createFrom()
          .failure(
              new AuthenticationFailedException(
                  "the issuer's keys were looked up moments ago and have no key " + keyId));
    }
    return oidc.authenticate(request, context)
        .onItem()
        .invoke(identity -> remember(issuer, keyId, token, identity))
        .onFailure()
        .invoke(
            failure -> {
              if (causedByMissingKey(failure)) {
                unknownKeys.failed(issuer, keyId);
              }
            });
  }

  private void remember(String issuer, String keyId, String token, SecurityIdentity identity) {
    if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
      unknownKeys.verified(issuer, keyId);
      verified.remember(issuer, token, identity, jwt.getExpirationTime());
    }
  }

  /** A remembered identity, carrying this request's context rather than the first one's. */
  private static SecurityIdentity forThisRequest(
      SecurityIdentity known,
      TokenAuthenticationRequest request,
      AuthenticationRequestContext context) {
    RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
    return QuarkusSecurityIdentity.builder(known)
        .addAttribute(RoutingContext.class.getName(), routingContext)
        .addAttribute(AuthenticationRequestContext.class.getName(), context)
        .build();
  }

  private static boolean causedByMissingKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvableKeyException) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject decodePart(String token, int index) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      return new JsonObject(
          new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
