package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.util.Optional;
import java.util.Set;

/** Who is calling: the token's subject, roles and province (empty for region-wide roles). */
public record CallerInfo(String name, Set<String> roles, Optional<Province> province) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * Whether the caller acts for the province: a registrar, supervisor or recognition officer of it
   * (a reader or an auditor does not).
   */
  public boolean actsFor(Province of) {
    return province.map(p -> p == of).orElse(false)
        && (hasRole(Roles.REGISTRAR)
            || hasRole(Roles.SUPERVISOR)
            || hasRole(Roles.RECOGNITION_OFFICER));
  }
}
