package cn.yrd.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A small blocking HTTP/1.1 client for the federation's public APIs: one keep-alive connection per
 * calling thread and server, each request written in one piece, as the JDBC baseline has one
 * connection per client. The JDK's {@code HttpClient} handed every exchange between the caller, its
 * executor and its selector thread; on two shared cores that cost the harness about 0.45 ms of CPU
 * per request, about as much as the registry under test spent on it (docs/benchmarks.md, twelfth
 * pass).
 */
final class Api {
  /** A status code and the body as text. */
  record Response(int statusCode, String body) {}

  private static final ThreadLocal<Map<String, Http1Connection>> CONNECTIONS =
      ThreadLocal.withInitial(HashMap::new);

  private Api() {}

  static Response post(String url, String token, String contentType, String body) {
    return exchange(
        "POST",
        URI.create(url),
        token,
        contentType,
        body.getBytes(StandardCharsets.UTF_8),
        Duration.ofMinutes(20));
  }

  static Response get(String url, String token) {
    return exchange("GET", URI.create(url), token, null, null, Duration.ofSeconds(60));
  }

  private static Response exchange(
      String method, URI uri, String token, String contentType, byte[] body, Duration timeout) {
    byte[] request = request(method, uri, token, contentType, body);
    String server = uri.getHost() + ":" + uri.getPort();
    Map<String, Http1Connection> mine = CONNECTIONS.get();
    for (int attempt = 1; ; attempt++) {
      Http1Connection connection = mine.get(server);
      boolean reused = connection != null;
      try {
        if (connection == null) {
          connection = new Http1Connection(uri.getHost(), uri.getPort());
          mine.put(server, connection);
        }
        Response response = connection.exchange(request, timeout);
        if (!connection.isOpen()) {
          connection.close();
          mine.remove(server);
        }
        return response;
      } catch (IOException e) {
        if (connection != null) {
          connection.close();
        }
        mine.remove(server);
        // A kept-alive connection the server closed while idle has processed nothing: send again.
        if (!(reused && attempt == 1 && e instanceof Http1Connection.ClosedBeforeAnswer)) {
          throw new UncheckedIOException(method + " " + uri, e);
        }
      }
    }
  }

  /** A whole request, head and body, as one array of bytes. */
  static byte[] request(String method, URI uri, String token, String contentType, byte[] body) {
    StringBuilder head =
        new StringBuilder(512)
            .append(method)
            .append(' ')
            .append(uri.getRawPath())
            .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
            .append(" HTTP/1.1\r\nHost: ")
            .append(uri.getHost())
            .append(':')
            .append(uri.getPort())
            .append("\r\nAuthorization: Bearer ")
            .append(token)
            .append("\r\n");
    if (body != null) {
      head.append("Content-Type: ")
          .append(contentType)
          .append("\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }
}
