package cn.yrd.registry.rest;

import cn.yrd.contracts.Uscc;
import cn.yrd.support.problem.RequestedUscc;

/** The USCC in a request path, as the services take it. */
final class PathCodes {
  private PathCodes() {}

  /** The code, trimmed and upper-case; 404 if it is no valid USCC, since none is registered. */
  static Uscc of(String raw) {
    return RequestedUscc.inPath(raw, "no organization with USCC " + raw + " in this registry");
  }
}
