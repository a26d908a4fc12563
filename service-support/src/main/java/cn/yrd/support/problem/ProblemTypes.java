package cn.yrd.support.problem;

/**
 * Where a problem's {@code type} points: {@code /problems/<name>} on the service that answered (a
 * relative reference, RFC 9457 §3.1.1, resolved against the request's URL), whose page explains the
 * error and its fix ({@link ProblemTypeResource}).
 */
public final class ProblemTypes {
  public static final String PATH = "/problems/";

  private ProblemTypes() {}

  public static String uri(String name) {
    return PATH + name;
  }
}
