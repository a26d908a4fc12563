package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import java.util.List;

/** A request that cannot be carried out, with the RFC 9457 problem that tells the caller why. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException validation(List<Problem.FieldError> errors) {
    return new ProblemException(
        new Problem(
            ProblemTypes.uri("validation"),
            "The request is not valid",
            422,
            errors.size() + " field(s) failed validation",
            errors,
            null));
  }

  public static ProblemException field(String field, String message) {
    return validation(List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  /** The request breaks a rule of the domain given the record's current state. */
  public static ProblemException rule(String rule, String detail) {
    return of(422, "rule/" + rule, "Rule violated: " + rule, detail);
  }

  public static ProblemException conflict(String detail) {
    return of(409, "conflict", "Conflict", detail);
  }

  public static ProblemException preconditionFailed(String detail) {
    return of(412, "precondition-failed", "The record changed since you read it", detail);
  }

  public static ProblemException preconditionRequired(String detail) {
    return of(428, "precondition-required", "If-Match required", detail);
  }

  public static ProblemException forbidden(String detail) {
    return of(403, "forbidden", "Forbidden", detail);
  }

  public static ProblemException of(int status, String type, String title, String detail) {
    return new ProblemException(
        new Problem(ProblemTypes.uri(type), title, status, detail, null, null));
  }
}
