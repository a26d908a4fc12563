package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The token issuers this service trusts (身份提供者), one per OIDC tenant of the same name: the province
 * each speaks for and how its groups name our roles.
 */
@ConfigMapping(prefix = "yrd.identity")
public interface IdentityConfig {
  /** Keyed by the {@code quarkus.oidc.<tenant>} name. */
  Map<String, Issuer> issuers();

  /**
   * How often a token whose key id an issuer has not used yet may make this service fetch that
   * issuer's JWKS; other such tokens are refused without a fetch until then.
   */
  @WithDefault("30S")
  Duration unknownKeyLookupInterval();

  interface Issuer {
    /** The province whose registrars, supervisors and officers it signs for; none: region-wide. */
    Optional<Province> province();

    /** The issuer's group name to the role it grants here; groups not listed grant nothing. */
    Map<String, String> roles();
  }
}
