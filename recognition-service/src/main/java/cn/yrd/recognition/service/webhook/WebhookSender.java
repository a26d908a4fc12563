package cn.yrd.recognition.service.webhook;

import cn.yrd.recognition.config.RecognitionConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;

/**
 * One attempt to deliver: a signed POST; any 2xx is delivered, anything else a failure to retry.
 */
@ApplicationScoped
public class WebhookSender {
  @Inject RecognitionConfig config;

  private HttpClient http;

  @PostConstruct
  void connect() {
    // Redirects are not followed: a delivery goes to the URL the province registered, nowhere else.
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.webhooks().timeout())
            .build();
  }

  /** The attempt's outcome: null if delivered, else why not (kept as the delivery's last error). */
  public String attempt(String url, String secret, String id, String body) {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.webhooks().timeout())
            .header("content-type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300 ? null : "answered " + status;
    } catch (HttpTimeoutException e) {
      return "no answer within " + config.webhooks().timeout();
    } catch (IOException e) {
      return "connection failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
