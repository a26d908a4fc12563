package cn.yrd.registry.rest;

import cn.yrd.contracts.InvalidUsccException;
import cn.yrd.contracts.Uscc;
import cn.yrd.registry.service.RegistrationRules;
import cn.yrd.support.problem.ProblemException;

/** The USCC in a request path, as the services take it. */
final class PathCodes {
  private PathCodes() {}

  /** The code, trimmed and upper-case; 404 if it is no valid USCC, since none is registered. */
  static Uscc of(String raw) {
    try {
      return Uscc.parse(RegistrationRules.normalizeUscc(raw));
    } catch (InvalidUsccException e) {
      throw ProblemException.notFound("no organization with USCC " + raw + " in this registry");
    }
  }
}
