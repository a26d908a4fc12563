package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * How a registration's body may arrive, written byte by byte on a socket: small bodies are read
 * whole before the endpoint runs, so every way a client sends one must still reach it.
 */
@QuarkusTest
class RequestBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/api/v1/registrations")
  URL registrations;

  @Test
  void acceptsABodySentAfterTheServerAnswers100Continue() throws Exception {
    byte[] body = JSON.writeValueAsBytes(registration());
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n"));
      out.flush();
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
      out.write(body);
      out.flush();
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 201");
    }
  }

  @Test
  void acceptsABodyThatArrivesInTwoParts() throws Exception {
    byte[] body = JSON.writeValueAsBytes(registration());
    String head =
        send(
            "Content-Length: " + body.length + "\r\n",
            Arrays.copyOf(body, body.length / 2),
            Arrays.copyOfRange(body, body.length / 2, body.length));
    assertThat(head).startsWith("HTTP/1.1 201");
  }

  @Test
  void acceptsAChunkedBody() throws Exception {
    byte[] body = JSON.writeValueAsBytes(registration());
    String head =
        send(
            "Transfer-Encoding: chunked\r\n",
            (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
            body,
            "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(head).startsWith("HTTP/1.1 201");
  }

  @Test
  void refusesMalformedJsonInABufferedBodyWithAProblem() throws Exception {
    byte[] body = "{\"uscc\": ".getBytes(StandardCharsets.UTF_8);
    String head = send("Content-Length: " + body.length + "\r\n", body);
    assertThat(head).startsWith("HTTP/1.1 400");
    assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
  }

  @Test
  void acceptsBodiesOverHttp2() throws Exception {
    // The JDK client upgrades the first request to HTTP/2 (h2c); the second is an HTTP/2 stream.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(registrations.toURI())
                  .header("Authorization", TestTokens.bearer(Roles.REGISTRAR, Province.SH))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          JSON.writeValueAsBytes(registration())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
  }

  /** Sends the request head, then each part after a pause; returns the answer's head. */
  private String send(String bodyHeaders, byte[]... parts) throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(bodyHeaders));
      for (byte[] part : parts) {
        out.write(part);
        out.flush();
        Thread.sleep(100);
      }
      return readHead(socket.getInputStream());
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(registrations.getHost(), registrations.getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private byte[] head(String bodyHeaders) {
    return ("POST "
            + registrations.getPath()
            + " HTTP/1.1\r\nHost: "
            + registrations.getHost()
            + "\r\nAuthorization: "
            + TestTokens.bearer(Roles.REGISTRAR, Province.SH)
            + "\r\nContent-Type: application/json\r\n"
            + bodyHeaders
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads a response's status line and headers, up to the blank line after them. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
