package cn.yrd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A closed loop of HTTP/1.1 clients driven by one thread, as wrk drives its connections: each
 * keep-alive connection has one request outstanding and sends the next as soon as the answer is
 * read; latency runs from the first byte written to the last byte read. Sixteen blocking client
 * threads were each woken for every answer, and on two cores shared with the federation under test
 * those wake-ups and their extra system calls were the load generator's largest cost
 * (docs/benchmarks.md, twenty-sixth pass).
 */
final class HttpClosedLoop {
  /** How often answers are checked against the timeout. */
  private static final long CHECK_EVERY_NANOS = 100_000_000;

  private final InetSocketAddress server;
  private final Supplier<byte[]> requests;
  private final int expectedStatus;
  private final long timeoutNanos;
  private final Latencies latencies = new Latencies();
  private long failures;

  /**
   * @param requests each call gives the whole next request, head and body
   * @param expectedStatus the status that counts as a success; any other is a failure
   * @param timeout how long one answer may take before it counts as failed and its connection is
   *     replaced
   */
  HttpClosedLoop(
      String host, int port, Supplier<byte[]> requests, int expectedStatus, Duration timeout) {
    this.server = new InetSocketAddress(host, port);
    this.requests = requests;
    this.expectedStatus = expectedStatus;
    this.timeoutNanos = timeout.toNanos();
  }

  /** A loop that POSTs each of {@code bodies} as JSON to {@code uri} with a bearer token. */
  static HttpClosedLoop posting(
      URI uri, String token, Supplier<String> bodies, int expectedStatus, Duration timeout) {
    return new HttpClosedLoop(
        uri.getHost(),
        uri.getPort(),
        () ->
            Api.request(
                "POST",
                uri,
                token,
                "application/json",
                bodies.get().getBytes(StandardCharsets.UTF_8)),
        expectedStatus,
        timeout);
  }

  /**
   * Runs {@code clients} connections for {@code duration}; requests already sent when it ends are
   * answered and counted, and the rate is over the whole time until the last answer.
   */
  Benchmarks.Run run(int clients, Duration duration) {
    try (Selector selector = Selector.open()) {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      List<Client> open = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        open.add(connect(selector));
      }
      long nextCheck = start + CHECK_EVERY_NANOS;
      while (!open.isEmpty()) {
        selector.select(CHECK_EVERY_NANOS / 1_000_000);
        for (SelectionKey key : selector.selectedKeys()) {
          Client client = (Client) key.attachment();
          if (key.isValid()) {
            step(client, selector, end, open);
          }
        }
        selector.selectedKeys().clear();
        // Not after every wake-up: under load the selector wakes thousands of times a second.
        if (System.nanoTime() >= nextCheck) {
          expire(selector, end, open);
          nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
        }
      }
      return new Benchmarks.Run(
          latencies.count() / ((System.nanoTime() - start) / 1e9), latencies, failures);
    } catch (IOException e) {
      throw new UncheckedIOException("closed loop against " + server, e);
    }
  }

  private Client connect(Selector selector) throws IOException {
    SocketChannel channel = SocketChannel.open(server);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    Client client = new Client(channel);
    client.key = channel.register(selector, 0, client);
    send(client);
    return client;
  }

  private void send(Client client) throws IOException {
    client.out = ByteBuffer.wrap(requests.get());
    client.in.clear();
    client.sentAt = System.nanoTime();
    write(client);
  }

  private static void write(Client client) throws IOException {
    client.channel.write(client.out);
    client.key.interestOps(
        client.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  /** Writes what is left of the request, or reads and, once an answer is whole, sends the next. */
  private void step(Client client, Selector selector, long end, List<Client> open)
      throws IOException {
    try {
      if (client.key.isWritable()) {
        write(client);
        return;
      }
      if (client.in.remaining() < 4096) {
        client.in = grow(client.in);
      }
      if (client.channel.read(client.in) < 0) {
        throw new IOException("connection closed before the whole answer");
      }
      Answer answer = Answer.parse(client.in.array(), client.in.position());
      if (answer == null) {
        return;
      }
      long took = System.nanoTime() - client.sentAt;
      if (answer.status() == expectedStatus) {
        latencies.record(took);
      } else {
        failures++;
      }
      if (System.nanoTime() >= end) {
        finish(client, open);
      } else if (answer.closes()) {
        replace(client, selector, open);
      } else {
        send(client);
      }
    } catch (IOException e) {
      failures++;
      if (System.nanoTime() >= end) {
        finish(client, open);
      } else {
        replace(client, selector, open);
      }
    }
  }

  /** An answer that takes longer than the timeout counts as failed; its connection is replaced. */
  private void expire(Selector selector, long end, List<Client> open) throws IOException {
    long now = System.nanoTime();
    for (Client client : List.copyOf(open)) {
      if (now - client.sentAt > timeoutNanos) {
        failures++;
        if (now >= end) {
          finish(client, open);
        } else {
          replace(client, selector, open);
        }
      }
    }
  }

  private void replace(Client client, Selector selector, List<Client> open) throws IOException {
    finish(client, open);
    open.add(connect(selector));
  }

  private static void finish(Client client, List<Client> open) {
    open.remove(client);
    client.key.cancel();
    try {
      client.channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static ByteBuffer grow(ByteBuffer in) {
    ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
    in.flip();
    bigger.put(in);
    return bigger;
  }

  private static final class Client {
    final SocketChannel channel;
    SelectionKey key;
    ByteBuffer out;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    long sentAt;

    Client(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /** The parts of a whole HTTP/1.1 answer the loop needs. */
  record Answer(int status, boolean closes) {

    /** The answer in the first {@code length} bytes, or null while it is not whole. */
    static Answer parse(byte[] bytes, int length) {
      int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
      if (headEnd < 0) {
        return null;
      }
      String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(head.substring(9, 12));
      long contentLength = -1;
      boolean chunked = false;
      boolean closes = false;
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("content-length")) {
          contentLength = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (name.equalsIgnoreCase("connection")) {
          closes = value.equalsIgnoreCase("close");
        }
      }
      int body = headEnd + 4;
      if (status == 204 || status == 304) {
        return new Answer(status, closes);
      }
      if (chunked) {
        return chunksEnd(bytes, body, length) < 0 ? null : new Answer(status, closes);
      }
      if (contentLength < 0) {
        throw new IllegalStateException("an answer with neither a length nor chunks: " + head);
      }
      return length - body >= contentLength ? new Answer(status, closes) : null;
    }

    /** Where a chunked body starting at {@code from} ends, or -1 while it is not whole. */
    private static int chunksEnd(byte[] bytes, int from, int length) {
      int at = from;
      while (true) {
        int lineEnd = indexOf(bytes, at, length, "\r\n");
        if (lineEnd < 0) {
          return -1;
        }
        String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          // Trailers, if any, end with an empty line.
          int trailersEnd = indexOf(bytes, lineEnd, length, "\r\n\r\n");
          return trailersEnd < 0 ? -1 : trailersEnd + 4;
        }
        at = lineEnd + 2 + n + 2;
        if (at > length) {
          return -1;
        }
      }
    }

    private static int indexOf(byte[] bytes, int from, int length, String ascii) {
      outer:
      for (int i = from; i <= length - ascii.length(); i++) {
        for (int j = 0; j < ascii.length(); j++) {
          if (bytes[i + j] != ascii.charAt(j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
