package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import cn.yrd.support.security.TokenRefusedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}; never a stack trace or SQL. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthenticated("a valid bearer token is required");
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TokenRefusedException refused) {
        return unauthenticated(refused.getMessage());
      }
    }
    return unauthenticated("a valid bearer token is required");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(simple(403, "forbidden", "Forbidden", "your roles do not allow this operation"));
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    new Problem.FieldError(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .collect(Collectors.toList());
    return respond(ProblemException.validation(errors).problem());
  }

  /** Two requests raced for the same unique value; the loser changed nothing. */
  @ServerExceptionMapper
  public Response concurrentDuplicate(org.hibernate.exception.ConstraintViolationException e) {
    return respond(
        ProblemException.conflict(
                "a concurrent request stored the same unique value first; nothing was changed")
            .problem());
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    return malformed(e);
  }

  /** Quarkus maps this subtype itself; ours must be at least as specific to win. */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e) {
    return malformed(e);
  }

  private static Response malformed(JsonProcessingException e) {
    String detail;
    if (e instanceof UnrecognizedPropertyException unknown) {
      detail = "unknown field '" + unknown.getPropertyName() + "'";
    } else if (e instanceof InvalidFormatException format) {
      detail = "field '" + path(format) + "' has the wrong type or an unknown value";
    } else if (e instanceof MismatchedInputException mismatch) {
      detail = "field '" + path(mismatch) + "' has the wrong type";
    } else {
      detail = "the body is not well-formed JSON";
    }
    return respond(simple(400, "malformed-request", "Malformed request", detail));
  }

  @ServerExceptionMapper
  public Response badParameter(BadParameterException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 405) {
      String title = e.getResponse().getStatusInfo().getReasonPhrase();
      Set<String> allowed = AllowedMethods.of(uri.getPath());
      return Response.fromResponse(respond(simple(405, "http-405", title, title)))
          .header(HttpHeaders.ALLOW, String.join(", ", allowed))
          .build();
    }
    if (status >= 500) {
      LOG.error("request failed", e);
      return respond(
          simple(status, "internal", "Internal error", "the request could not be completed"));
    }
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    return respond(simple(status, "http-" + status, title, title));
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e) {
    LOG.error("unexpected failure", e);
    return respond(
        simple(
            500,
            "internal",
            "Internal error",
            "the request could not be completed; nothing was changed"));
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static Response unauthenticated(String detail) {
    return Response.fromResponse(respond(simple(401, "unauthorized", "Unauthorized", detail)))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  private static Problem simple(int status, String type, String title, String detail) {
    return new Problem(ProblemTypes.uri(type), title, status, detail, null, null);
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.', propertyPath.indexOf('.') + 1);
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
