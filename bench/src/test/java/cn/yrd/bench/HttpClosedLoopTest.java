package cn.yrd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpClosedLoopTest {
  private static final byte[] CREATED = "{\"uscc\":\"x\"}".getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger answered = new AtomicInteger();
  private final Set<String> bodiesSeen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextBody = new AtomicInteger();
  private final ExecutorService handlers = Executors.newFixedThreadPool(4);
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    handlers.shutdownNow();
  }

  /** A server answering every POST with {@code status}, chunked or with a length. */
  private URI serve(int status, boolean chunked) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(handlers);
    server.createContext(
        "/api/v1/registrations",
        exchange -> {
          bodiesSeen.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          // Counted before answering: once the loop has its answer, the count includes it.
          answered.incrementAndGet();
          exchange.sendResponseHeaders(status, chunked ? 0 : CREATED.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(CREATED);
          }
        });
    server.start();
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/registrations");
  }

  private Benchmarks.Run load(URI uri, int expected) {
    return HttpClosedLoop.posting(
            uri,
            "token",
            () -> "{\"n\":" + nextBody.incrementAndGet() + "}",
            expected,
            Duration.ofSeconds(10))
        .run(4, Duration.ofMillis(500));
  }

  @ParameterizedTest(name = "chunked: {0}")
  @ValueSource(booleans = {false, true})
  void countsEveryWholeAnswerWithTheExpectedStatusAndSendsAFreshRequestEachTime(boolean chunked)
      throws IOException {
    URI uri = serve(201, chunked);

    Benchmarks.Run run = load(uri, 201);

    assertThat(run.failures()).isZero();
    assertThat(run.latencies().count()).isPositive().isEqualTo(answered.get());
    assertThat(bodiesSeen).hasSize(answered.get());
    assertThat(run.perSecond()).isPositive();
  }

  @Test
  void countsAnyOtherStatusAsAFailure() throws IOException {
    URI uri = serve(409, false);

    Benchmarks.Run run = load(uri, 201);

    assertThat(run.latencies().count()).isZero();
    assertThat(run.failures()).isPositive().isEqualTo(answered.get());
  }

  @Test
  @Timeout(10) // without the timeout the loop would wait for these answers for good
  void countsAnAnswerThatTakesLongerThanTheTimeoutAsAFailure() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(handlers);
    server.createContext(
        "/api/v1/registrations",
        exchange -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    URI uri =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/registrations");

    Benchmarks.Run run =
        HttpClosedLoop.posting(uri, "token", () -> "{}", 201, Duration.ofMillis(150))
            .run(2, Duration.ofMillis(500));

    assertThat(run.latencies().count()).isZero();
    assertThat(run.failures()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void waitsForAnAnswerSplitAcrossReads() {
    byte[] whole =
        "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(HttpClosedLoop.Answer.parse(whole, whole.length - 1)).isNull();
    assertThat(HttpClosedLoop.Answer.parse(whole, 20)).isNull();
    assertThat(HttpClosedLoop.Answer.parse(whole, whole.length))
        .isEqualTo(new HttpClosedLoop.Answer(201, false));
  }

  @Test
  void waitsForTheLastChunkAndNoticesAClosingServer() {
    byte[] whole =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(HttpClosedLoop.Answer.parse(whole, whole.length - 2)).isNull();
    assertThat(HttpClosedLoop.Answer.parse(whole, whole.length))
        .isEqualTo(new HttpClosedLoop.Answer(200, true));
  }
}
