package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not take is answered with a 400 naming it: a misspelt filter
 * ({@code ?stauts=ACTIVE}) silently ignored would return the wrong records.
 */
public class UnknownQueryParameters {
  private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public Optional<Response> refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
    return request.getUriInfo().getQueryParameters().keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .findFirst()
        .map(name -> ProblemMappers.respond(unknown(name, known)));
  }

  private static Problem unknown(String name, Set<String> known) {
    String takes = known.isEmpty() ? "no query parameters" : "only " + String.join(", ", known);
    return new Problem(
        ProblemTypes.uri("unknown-parameter"),
        "Unknown query parameter",
        400,
        "this operation takes " + takes + ", not '" + name + "'",
        List.of(new Problem.FieldError(name, "is not a parameter of this operation")),
        null);
  }

  /** The method's own query parameters and those of its {@code @BeanParam} classes. */
  private static Set<String> queryParameters(Method method) {
    Set<String> names = new TreeSet<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof QueryParam q) {
          names.add(q.value());
        } else if (a instanceof BeanParam) {
          for (Field field : method.getParameterTypes()[i].getFields()) {
            QueryParam q = field.getAnnotation(QueryParam.class);
            if (q != null) {
              names.add(q.value());
            }
          }
        }
      }
    }
    return names;
  }
}
