package cn.yrd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A small HTTP client for the federation's public APIs. */
final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          // One connection per concurrent client, as the JDBC baseline has; HTTP/2 would
          // multiplex every client over one connection served by one event-loop thread.
          .version(HttpClient.Version.HTTP_1_1)
          // Daemon threads: the harness must end when its main method does (exec:java waits).
          .executor(
              Executors.newFixedThreadPool(
                  32,
                  r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                  }))
          .build();

  private Api() {}

  static HttpResponse<String> post(String url, String token, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  static HttpResponse<String> get(String url, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
