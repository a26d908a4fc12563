package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a verified token to what its issuer may say: the province comes from the issuer, never from
 * the token, and roles are the issuer's groups as this service's configuration maps them.
 */
public final class IssuerBinding {
  /** What a token's issuer grants: its province (empty: region-wide) and roles. */
  public record Grant(Optional<Province> province, Set<String> roles) {}

  private final Map<String, IdentityConfig.Issuer> issuers;

  public IssuerBinding(Map<String, IdentityConfig.Issuer> issuers) {
    this.issuers = issuers;
  }

  /**
   * @param tenant the OIDC tenant that verified the token, named after its issuer
   * @param provinceClaim the token's {@code province} claim, null when it has none
   * @param groups the token's groups, in the issuer's names
   * @throws TokenRefusedException when the token claims what its issuer may not grant
   */
  public Grant bind(String tenant, String provinceClaim, Collection<String> groups) {
    IdentityConfig.Issuer issuer = issuers.get(tenant);
    if (issuer == null) {
      throw new TokenRefusedException(
          "the token's issuer (tenant '" + tenant + "') has no yrd.identity.issuers entry");
    }
    if (provinceClaim != null
        && !issuer.province().map(p -> p.name().equals(provinceClaim)).orElse(false)) {
      throw new TokenRefusedException(
          "the token claims province "
              + provinceClaim
              + " but its issuer ("
              + tenant
              + ") speaks for "
              + issuer.province().map(Province::name).orElse("no province (region-wide)"));
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String group : groups) {
      String role = issuer.roles().get(group);
      if (role != null) {
        roles.add(role);
      }
    }
    return new Grant(issuer.province(), Set.copyOf(roles));
  }
}
