package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A query or path value that cannot be read as its type: a 400 naming the parameter. A {@link
 * WebApplicationException}, so that the runtime passes it on instead of wrapping it in a 404.
 */
public class BadParameterException extends WebApplicationException {
  private final transient Problem problem;

  public BadParameterException(String parameter, String value, String expected) {
    super(parameter + " " + expected, 400);
    problem =
        new Problem(
            ProblemTypes.uri("bad-parameter"),
            "Bad parameter",
            400,
            "'" + value + "' is not a valid " + parameter + ": " + expected,
            List.of(new Problem.FieldError(parameter, expected)),
            null);
  }

  public Problem problem() {
    return problem;
  }
}
