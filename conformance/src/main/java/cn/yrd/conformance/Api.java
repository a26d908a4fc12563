package cn.yrd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP with a bearer token: the only way the kit touches a federation. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** An answer: its status, ETag (without quotes, or null) and body. */
  record Answer(int status, String etag, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body.isEmpty() ? "null" : body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  Answer send(String method, String url, String token, Object body, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    try {
      String text = body == null ? null : JSON.writeValueAsString(body);
      request.method(
          method,
          text == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      if (text != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String etag =
          response.headers().firstValue("ETag").map(t -> t.replace("\"", "")).orElse(null);
      return new Answer(response.statusCode(), etag, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  JsonNode get(String url, String token) {
    Answer answer = send("GET", url, token, null, null);
    if (!answer.ok()) {
      throw new IllegalStateException(
          "GET " + url + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }
}
