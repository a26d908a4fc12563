package cn.yrd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP against the federation: any method, any body, any header, nothing corrected. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> send(
      String method, String url, String bearer, String contentType, String body) {
    return send(method, url, bearer, contentType, body, Map.of());
  }

  static HttpResponse<String> send(
      String method,
      String url,
      String bearer,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      ResponseContract.observe(method, url, contentType, body, response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String get(String url, String bearer) {
    HttpResponse<String> response = send("GET", url, bearer, null, null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + url + " → " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
