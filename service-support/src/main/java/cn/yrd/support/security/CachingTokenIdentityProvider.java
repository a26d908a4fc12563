package cn.yrd.support.security;

import cn.yrd.contracts.Roles;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
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
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens with quarkus-oidc (the issuer's tenant, its JWKS, audience, expiry), then
 * remembers each verified token ({@link VerifiedTokens}, ADR 0009) so that a client repeating it
 * pays for one RSA verification a minute; and refuses, without fetching the issuer's JWKS, tokens
 * naming key ids the issuer does not publish while a lookup was made moments ago ({@link
 * UnknownKeyGuard}); and learns which tenant verified each issuer's tokens ({@link IssuerTenants}).
 * Runs before quarkus-oidc's own provider, which it calls.
 */
@ApplicationScoped
public class CachingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** Verifies one token: quarkus-oidc's provider; a seam so that tests can count verifications. */
  interface Verifier {
    Uni<SecurityIdentity> verify(
        TokenAuthenticationRequest request, AuthenticationRequestContext context);
  }

  /** The identity attribute holding the token's {@code province} claim, an {@code Optional}. */
  static final String PROVINCE_CLAIM_ATTRIBUTE = "yrd.province-claim";

  private static final int CAPACITY = 10_000;

  private final Verifier oidc;
  private final VerifiedTokens verified;
  private final UnknownKeyGuard unknownKeys;
  private final IssuerTenants tenants = new IssuerTenants();

  @Inject
  public CachingTokenIdentityProvider(OidcIdentityProvider oidc, IdentityConfig config) {
    this(
        oidc::authenticate,
        new VerifiedTokens(CAPACITY, System::currentTimeMillis),
        new UnknownKeyGuard(
            config.unknownKeyLookupInterval().toMillis(), System::currentTimeMillis));
  }

  CachingTokenIdentityProvider(
      Verifier oidc, VerifiedTokens verified, UnknownKeyGuard unknownKeys) {
    this.oidc = oidc;
    this.verified = verified;
    this.unknownKeys = unknownKeys;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /** Before quarkus-oidc's provider (1001), which is then reached only through this one. */
  @Override
  public int priority() {
    return 2000;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof AccessTokenCredential)) {
      return Uni.createFrom().nullItem();
    }
    String token = request.getToken().getToken();
    RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
    JsonObject claims = TokenParts.claims(token, routingContext);
    String issuer = TokenParts.text(claims, "iss");
    if (issuer == null) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("not a JWT with an issuer"));
    }
    SecurityIdentity known = verified.find(issuer, token);
    if (known != null) {
      return Uni.createFrom().item(forThisRequest(known, routingContext, context));
    }
    // Only a token to verify needs its header read.
    JsonObject header = TokenParts.header(token);
    if (header == null) {
      return Uni.createFrom().failure(new AuthenticationFailedException("not a JWT"));
    }
    String keyId = TokenParts.text(header, "kid");
    if (!unknownKeys.mayVerify(issuer, keyId)) {
      return Uni.createFrom()
          .failure(
              new AuthenticationFailedException(
                  "the issuer's keys were looked up moments ago and have no key " + keyId));
    }
    Optional<String> provinceClaim =
        Optional.ofNullable(claims.getValue(Roles.PROVINCE_CLAIM)).map(Object::toString);
    return oidc.verify(request, context)
        .onItem()
        .transform(identity -> remember(issuer, token, withProvinceClaim(identity, provinceClaim)));
  }

  /**
   * The token's {@code province} claim, read here from the claims already decoded: the library's
   * principal looks up a claim it does not know by catching an exception (ADR 0009).
   */
  private static SecurityIdentity withProvinceClaim(
      SecurityIdentity identity, Optional<String> provinceClaim) {
    if (identity == null) {
      return null;
    }
    return QuarkusSecurityIdentity.builder(identity)
        .addAttribute(PROVINCE_CLAIM_ATTRIBUTE, provinceClaim)
        .build();
  }

  /**
   * The tenant that verified an earlier token of this request's token's issuer, or null ({@link
   * VerifiedIssuerTenantResolver}).
   */
  String tenantOf(String token, RoutingContext request) {
    return tenants.tenantOf(TokenParts.text(TokenParts.claims(token, request), "iss"));
  }

  /** quarkus-oidc fetched an issuer's JWKS (seen by {@link KeySetObserver}). */
  void published(String issuer, Set<String> keyIds) {
    unknownKeys.published(issuer, keyIds);
  }

  private SecurityIdentity remember(String issuer, String token, SecurityIdentity identity) {
    if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
      verified.remember(issuer, token, identity, jwt.getExpirationTime());
      tenants.verified(issuer, identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE));
    }
    return identity;
  }

  /** A remembered identity, carrying this request's context rather than the first one's. */
  private static SecurityIdentity forThisRequest(
      SecurityIdentity known, RoutingContext routingContext, AuthenticationRequestContext context) {
    return QuarkusSecurityIdentity.builder(known)
        .addAttribute(RoutingContext.class.getName(), routingContext)
        .addAttribute(AuthenticationRequestContext.class.getName(), context)
        .build();
  }
}
