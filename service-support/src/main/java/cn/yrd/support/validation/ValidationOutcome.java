package cn.yrd.support.validation;

import cn.yrd.contracts.Problem.FieldError;
import cn.yrd.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Field errors that reject a request and warnings that let it through. */
public final class ValidationOutcome {
  private final List<FieldError> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public void warn(String message) {
    warnings.add(message);
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Throws a 422 problem naming every failed field, if any failed. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors());
    }
  }
}
