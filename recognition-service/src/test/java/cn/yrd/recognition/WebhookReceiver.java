package cn.yrd.recognition;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A province's webhook endpoint for tests: a real HTTP server on a free port, one path per
 * province, that answers each request as told (succeed, fail with 500, never answer in time, close
 * the connection) and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {
  /** How the endpoint treats one request. */
  enum Answer {
    OK,
    FAIL_500,
    TOO_LATE,
    CLOSE_CONNECTION
  }

  /** One request as received, and how it was answered. */
  record Received(String province, Map<String, String> headers, String body, Answer answer) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final HttpServer server;
  private final Map<String, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Answer> otherwise = new ConcurrentHashMap<>();
  private final List<Received> received = new ArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String province) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + province;
  }

  /** The answers to the province's next requests, in turn; then {@link #otherwise}. */
  void script(String province, Answer... answers) {
    scripts.computeIfAbsent(province, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
  }

  /** How the province's requests are answered once its script is used up. */
  void otherwise(String province, Answer answer) {
    otherwise.put(province, answer);
  }

  /** Every request the province's endpoint got, in the order it got them. */
  List<Received> receivedBy(String province) {
    synchronized (received) {
      return received.stream().filter(r -> r.province().equals(province)).toList();
    }
  }

  /** The requests the province's endpoint answered with a 2xx. */
  List<Received> deliveredTo(String province) {
    return receivedBy(province).stream().filter(r -> r.answer() == Answer.OK).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String province = exchange.getRequestURI().getPath().substring(1);
    ConcurrentLinkedDeque<Answer> script = scripts.get(province);
    Answer next = script == null ? null : script.poll();
    Answer answer = next != null ? next : otherwise.getOrDefault(province, Answer.OK);
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (received) {
      received.add(new Received(province, headers, body, answer));
    }
    switch (answer) {
      case OK -> respond(exchange, 204);
      case FAIL_500 -> respond(exchange, 500);
      case TOO_LATE -> {
        sleep();
        respond(exchange, 204);
      }
      // The server drops the connection when its handler throws: no status line is ever sent.
      case CLOSE_CONNECTION -> throw new IOException("closing the connection on purpose");
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Longer than the tests' webhook timeout (1 s). */
  private static void sleep() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
