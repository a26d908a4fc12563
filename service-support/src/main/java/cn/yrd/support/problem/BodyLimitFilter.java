package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem before
 * it is read, instead of the HTTP layer's bare 413, so that every error a client gets is {@code
 * application/problem+json}.
 */
@ApplicationScoped
public class BodyLimitFilter {
  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize limit;

  void register(@Observes Filters filters) {
    long max = limit.asLongValue();
    filters.register(
        context -> {
          String length = context.request().getHeader("Content-Length");
          if (length != null && tooLong(length, max)) {
            context
                .response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(
                    "{\"type\":\"https://yrd.example/problems/too-large\",\"title\":\"Request too"
                        + " large\",\"status\":413,\"detail\":\"the body is larger than "
                        + max
                        + " bytes\"}");
            return;
          }
          context.next();
        },
        // Before everything else, the body handler included.
        Integer.MAX_VALUE);
  }

  private static boolean tooLong(String length, long max) {
    try {
      return Long.parseLong(length.strip()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
