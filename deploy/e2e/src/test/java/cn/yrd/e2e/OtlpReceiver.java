package cn.yrd.e2e;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver that keeps every span in memory: the services export to it as they
 * would to Jaeger. It reads the protobuf wire format by field number (opentelemetry-proto's {@code
 * trace.proto}), so it needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One span as exported: who sent it, where it sits in its trace, and its string attributes. */
  record ReceivedSpan(
      String service,
      Map<String, String> resource,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      Map<String, String> attributes) {}

  /** OTLP's {@code Span.SpanKind}. */
  static final int SERVER = 2;

  static final int PRODUCER = 4;
  static final int CONSUMER = 5;

  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      server.createContext("/v1/traces", receiver::receive);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL the services export to ({@code /v1/traces} is added by the exporter). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ReceivedSpan> spansOf(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = body(exchange);
      int status = 200;
      try {
        spans.addAll(parse(body));
      } catch (InvalidProtocolBufferException e) {
        status = 400;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      // An empty ExportTraceServiceResponse: everything accepted.
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      return raw;
    }
    try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return unzipped.readAllBytes();
    }
  }

  /** ExportTraceServiceRequest: 1 resource_spans. */
  static List<ReceivedSpan> parse(byte[] request) throws InvalidProtocolBufferException {
    List<ReceivedSpan> parsed = new CopyOnWriteArrayList<>();
    for (ByteString resourceSpans : messages(UnknownFieldSet.parseFrom(request), 1)) {
      // ResourceSpans: 1 resource (Resource: 1 attributes), 2 scope_spans.
      UnknownFieldSet rs = UnknownFieldSet.parseFrom(resourceSpans);
      Map<String, String> resource = new LinkedHashMap<>();
      for (ByteString r : messages(rs, 1)) {
        resource.putAll(attributes(UnknownFieldSet.parseFrom(r), 1));
      }
      for (ByteString scopeSpans : messages(rs, 2)) {
        // ScopeSpans: 2 spans.
        for (ByteString s : messages(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
          parsed.add(span(resource, UnknownFieldSet.parseFrom(s)));
        }
      }
    }
    return parsed;
  }

  /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes. */
  private static ReceivedSpan span(Map<String, String> resource, UnknownFieldSet span)
      throws InvalidProtocolBufferException {
    List<Long> kind = span.getField(6).getVarintList();
    return new ReceivedSpan(
        resource.get("service.name"),
        resource,
        hex(span, 1),
        hex(span, 2),
        hex(span, 4),
        string(span, 5),
        kind.isEmpty() ? 0 : kind.get(0).intValue(),
        attributes(span, 9));
  }

  /** KeyValue: 1 key, 2 value (AnyValue: 1 string_value); other value kinds are left out. */
  private static Map<String, String> attributes(UnknownFieldSet message, int field)
      throws InvalidProtocolBufferException {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (ByteString kv : messages(message, field)) {
      UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(kv);
      for (ByteString value : messages(keyValue, 2)) {
        String text = string(UnknownFieldSet.parseFrom(value), 1);
        if (text != null) {
          attributes.put(string(keyValue, 1), text);
        }
      }
    }
    return attributes;
  }

  private static List<ByteString> messages(UnknownFieldSet message, int field) {
    return message.hasField(field) ? message.getField(field).getLengthDelimitedList() : List.of();
  }

  private static String string(UnknownFieldSet message, int field) {
    List<ByteString> values = messages(message, field);
    return values.isEmpty() ? null : values.get(0).toStringUtf8();
  }

  private static String hex(UnknownFieldSet message, int field) {
    List<ByteString> values = messages(message, field);
    return values.isEmpty() || values.get(0).isEmpty()
        ? ""
        : HEX.formatHex(values.get(0).toByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
