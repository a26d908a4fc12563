package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read from its verified bearer token. */
@RequestScoped
public class Caller {
  @Inject SecurityIdentity identity;
  @Inject JsonWebToken jwt;

  public CallerInfo info() {
    Object claim = jwt.getClaim(Roles.PROVINCE_CLAIM);
    Optional<Province> province =
        Optional.ofNullable(claim)
            .map(c -> c.toString().replace("\"", ""))
            .flatMap(
                name ->
                    Arrays.stream(Province.values())
                        .filter(p -> p.name().equals(name))
                        .findFirst());
    String name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    return new CallerInfo(name, identity.getRoles(), province);
  }
}
