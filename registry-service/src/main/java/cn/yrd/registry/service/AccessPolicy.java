package cn.yrd.registry.service;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import java.util.Set;

/**
 * Who may do what in one province's registry. A write is refused to a token naming another province
 * whatever its role; reads are for this province's users and region-wide auditors.
 */
public final class AccessPolicy {
  private static final Set<String> PROVINCIAL_READERS =
      Set.of(Roles.REGISTRAR, Roles.SUPERVISOR, Roles.READER, Roles.RECOGNITION_OFFICER);

  private final Province registry;

  public AccessPolicy(Province registry) {
    this.registry = registry;
  }

  public void requireRegistrationWrite(CallerInfo caller) {
    requireWrite(caller, Roles.REGISTRAR);
  }

  public void requireSupervisionWrite(CallerInfo caller) {
    requireWrite(caller, Roles.SUPERVISOR);
  }

  public void requireRead(CallerInfo caller) {
    if (caller.hasRole(Roles.AUDITOR)) {
      return;
    }
    boolean provincialReader = caller.roles().stream().anyMatch(PROVINCIAL_READERS::contains);
    if (!provincialReader) {
      throw ProblemException.forbidden("your roles do not allow reading this registry");
    }
    requireOwnProvince(caller);
  }

  /** Only this registry's registrars see ID numbers unmasked. */
  public boolean mayUnmask(CallerInfo caller) {
    return caller.hasRole(Roles.REGISTRAR)
        && caller.province().filter(registry::equals).isPresent();
  }

  private void requireWrite(CallerInfo caller, String role) {
    requireOwnProvince(caller);
    if (!caller.hasRole(role)) {
      throw ProblemException.forbidden("this write needs the role '" + role + "'");
    }
  }

  private void requireOwnProvince(CallerInfo caller) {
    if (caller.province().filter(registry::equals).isEmpty()) {
      throw ProblemException.forbidden(
          "this is the "
              + registry
              + " registry; your token names "
              + caller.province().map(Province::name).orElse("no province"));
    }
  }
}
