package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs before everything else on a request with a body:
 *
 * <ul>
 *   <li>A body larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem
 *       before it is read, instead of the HTTP layer's bare 413, so that every error a client gets
 *       is {@code application/problem+json}.
 *   <li>A body of at most {@code quarkus.rest.input-buffer-size} sent over HTTP/1.x is read whole
 *       on the event loop. Quarkus REST hands a blocking endpoint (most endpoints that write to the
 *       database) its body as a stream that the worker thread waits on while the event loop
 *       delivers it; a body already read is passed as bytes, saving that hand-off between two
 *       threads per request. Larger bodies (bulk imports) are still streamed.
 * </ul>
 */
@ApplicationScoped
public class RequestBodyFilter {
  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize limit;

  @ConfigProperty(name = "quarkus.rest.input-buffer-size", defaultValue = "10k")
  MemorySize bufferedBody;

  @ConfigProperty(name = "quarkus.http.handle-100-continue-automatically", defaultValue = "false")
  boolean continueAutomatically;

  void register(@Observes Filters filters) {
    long max = limit.asLongValue();
    long buffered = Math.min(bufferedBody.asLongValue(), max);
    filters.register(
        context -> {
          long length = declaredLength(context.request());
          if (length > max) {
            refuseTooLarge(context, max);
          } else if (length > 0 && length <= buffered && readableWhole(context.request())) {
            readWhole(context);
          } else {
            context.next();
          }
        },
        // Before everything else, the body handler included.
        Integer.MAX_VALUE);
  }

  /**
   * HTTP/1.x only: Quarkus REST pauses every request it takes over, and an HTTP/2 stream refuses a
   * pause once its body has been read ("Request has already been read").
   */
  private static boolean readableWhole(HttpServerRequest request) {
    return request.version() != HttpVersion.HTTP_2 && !request.isEnded();
  }

  private void readWhole(RoutingContext context) {
    HttpServerRequest request = context.request();
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      if (!continueAutomatically) {
        context.response().writeContinue();
      }
      // Answered: a non-blocking endpoint's body reader would otherwise send a second 100.
      request.headers().remove("Expect");
    }
    request
        .body()
        .onSuccess(
            body -> {
              context.setBody(body);
              context.next();
            })
        .onFailure(context::fail);
    request.resume();
  }

  private static void refuseTooLarge(RoutingContext context, long max) {
    HttpServerResponse response =
        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
    // HTTP/1.1: the rest of the body is not read, so the connection closes. HTTP/2 forbids the
    // header (RFC 9113, 8.2.2; JDK 25's client refuses such a response): the stream ends alone.
    if (context.request().version() != HttpVersion.HTTP_2) {
      response.putHeader("Connection", "close");
    }
    response.end(
        "{\"type\":\""
            + ProblemTypes.uri("too-large")
            + "\",\"title\":\"Request too"
            + " large\",\"status\":413,\"detail\":\"the body is larger than "
            + max
            + " bytes\"}");
  }

  /** The Content-Length header's value, or -1 when it is absent or not a number. */
  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
