package cn.yrd.support.problem;

import cn.yrd.contracts.InvalidUsccException;
import cn.yrd.contracts.Uscc;
import java.util.Locale;

/**
 * A USCC as a request carries it, parsed once at the edge so that the services only ever see a
 * valid {@link Uscc}.
 */
public final class RequestedUscc {
  private RequestedUscc() {}

  /** Trimmed and upper-case, as provincial systems type codes; null stays null. */
  public static String normalize(String raw) {
    return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * The code in a request path; 404 with {@code notFound} if it is no valid USCC, since no
   * organization can have it.
   */
  public static Uscc inPath(String raw, String notFound) {
    try {
      return Uscc.parse(normalize(raw));
    } catch (InvalidUsccException e) {
      throw ProblemException.notFound(notFound);
    }
  }

  /** An optional filter: null if absent or blank; 422 naming the parameter if it is no USCC. */
  public static Uscc inQuery(String parameter, String raw) {
    String code = normalize(raw);
    if (code == null || code.isEmpty()) {
      return null;
    }
    try {
      return Uscc.parse(code);
    } catch (InvalidUsccException e) {
      throw ProblemException.field(parameter, e.getMessage());
    }
  }
}
