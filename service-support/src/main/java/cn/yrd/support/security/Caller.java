package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The caller of the current request, as its token's issuer vouches for it. */
@RequestScoped
public class Caller {
  @Inject SecurityIdentity identity;

  public CallerInfo info() {
    Optional<Province> province = identity.getAttribute(IssuerBindingAugmentor.PROVINCE_ATTRIBUTE);
    String name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    return new CallerInfo(
        name, identity.getRoles(), province == null ? Optional.empty() : province);
  }
}
