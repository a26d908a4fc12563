package cn.yrd.support.security;

import cn.yrd.contracts.Province;
import java.util.Optional;
import java.util.Set;

/** Who is calling: the token's subject, roles and province (empty for region-wide roles). */
public record CallerInfo(String name, Set<String> roles, Optional<Province> province) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
