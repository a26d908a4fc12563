package cn.yrd.support.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a bearer token's tenant from its issuer when a token of that issuer was verified before
 * ({@link IssuerTenants}); otherwise returns null and quarkus-oidc resolves it by issuer itself
 * ({@code quarkus.oidc.resolve-tenants-with-issuer}), which it tries after a custom resolver.
 */
@ApplicationScoped
public class VerifiedIssuerTenantResolver implements TenantResolver {
  private static final String BEARER = "Bearer ";

  private final CachingTokenIdentityProvider provider;

  public VerifiedIssuerTenantResolver(CachingTokenIdentityProvider provider) {
    this.provider = provider;
  }

  @Override
  public String resolve(RoutingContext context) {
    String authorization = context.request().getHeader("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return provider.tenantOf(authorization.substring(BEARER.length()).trim(), context);
  }
}
