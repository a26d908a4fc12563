package cn.yrd.support.security;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replaces a verified token's groups with the roles its issuer grants here, and records the
 * province the issuer speaks for ({@link IssuerBinding}); a token claiming another province is
 * refused.
 */
@ApplicationScoped
public class IssuerBindingAugmentor implements SecurityIdentityAugmentor {
  /** The identity attribute holding the caller's {@code Optional<Province>}. */
  public static final String PROVINCE_ATTRIBUTE = "yrd.province";

  private final IssuerBinding binding;

  public IssuerBindingAugmentor(IdentityConfig config) {
    this.binding = new IssuerBinding(config.issuers());
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
    // Set by CachingTokenIdentityProvider, through which every bearer token is verified.
    Optional<String> claimed =
        identity.getAttribute(CachingTokenIdentityProvider.PROVINCE_CLAIM_ATTRIBUTE);
    String province = claimed == null ? null : claimed.orElse(null);
    try {
      IssuerBinding.Grant grant = binding.bind(tenant, province, identity.getRoles());
      return Uni.createFrom()
          .item(
              QuarkusSecurityIdentity.builder()
                  .setPrincipal(token)
                  .addCredentials(identity.getCredentials())
                  .addAttributes(identity.getAttributes())
                  .addAttribute(PROVINCE_ATTRIBUTE, grant.province())
                  .addRoles(grant.roles())
                  .build());
    } catch (TokenRefusedException e) {
      return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage(), e));
    }
  }
}
