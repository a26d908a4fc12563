package cn.yrd.support.tracing;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.support.kafka.TextHeaders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * 链路追踪: carries a trace from the request that caused an event, through the outbox and Kafka, to
 * every consumer (docs/adr/0019-event-tracing.md). The outbox row keeps the W3C {@code traceparent}
 * of the request; the relay's send span is its child and travels in the record's {@value
 * #TRACEPARENT} header, the request's own context in {@value CloudEventHeaders#TRACEPARENT} (the
 * CloudEvents distributed-tracing extension); each consumer's process span is a child of the send
 * span. With tracing off (no OTLP endpoint, {@link TracingSwitch}) every span here is a no-op.
 */
@Singleton
public class EventTracing {
  /** The W3C Trace Context header of the Kafka hop: the relay's send span. */
  public static final String TRACEPARENT = "traceparent";

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("messaging.operation.type");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<String> KEY =
      AttributeKey.stringKey("messaging.kafka.message.key");
  private static final AttributeKey<String> GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  private static final AttributeKey<String> PARTITION =
      AttributeKey.stringKey("messaging.destination.partition.id");
  private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  private static final AttributeKey<Long> BATCH_SIZE =
      AttributeKey.longKey("messaging.batch.message_count");
  private static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("cloudevents.event_type");

  private final Tracer tracer;

  @Inject
  public EventTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The W3C traceparent of the current span, or null when nothing is being traced. */
  public static String currentTraceparent() {
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Starts the relay's span for one outbox row: the child of the request the row was written in
   * ({@code traceparent}, null if none), or a new trace.
   */
  public Span startSend(String traceparent, String topic, String key, String eventId, String type) {
    return tracer
        .spanBuilder("send " + topic)
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(contextOf(traceparent))
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION, "send")
        .setAttribute(KEY, key)
        .setAttribute(MESSAGE_ID, eventId)
        .setAttribute(EVENT_TYPE, type)
        .startSpan();
  }

  /** Writes the send span's context and the request's ({@code traceparent}) into the headers. */
  public static void inject(Span send, String traceparent, Headers headers) {
    W3C.inject(Context.root().with(send), headers, TextHeaders::add);
    if (traceparent != null) {
      TextHeaders.add(headers, CloudEventHeaders.TRACEPARENT, traceparent);
    }
  }

  /**
   * Starts a consumer's span for one record: the child of the relay's send span, or of the request
   * that caused the event when the record has only the CloudEvents extension.
   */
  public Span startProcess(ConsumerRecord<String, byte[]> record, String group) {
    String parent = TextHeaders.optional(record.headers(), TRACEPARENT);
    return tracer
        .spanBuilder("process " + record.topic())
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(
            contextOf(
                parent != null
                    ? parent
                    : TextHeaders.optional(record.headers(), CloudEventHeaders.TRACEPARENT)))
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, record.topic())
        .setAttribute(OPERATION, "process")
        .setAttribute(GROUP, group)
        .setAttribute(PARTITION, Integer.toString(record.partition()))
        .setAttribute(OFFSET, record.offset())
        .setAttribute(KEY, record.key())
        .setAttribute(MESSAGE_ID, TextHeaders.optional(record.headers(), CloudEventHeaders.ID))
        .setAttribute(EVENT_TYPE, TextHeaders.optional(record.headers(), CloudEventHeaders.TYPE))
        .startSpan();
  }

  /**
   * The span the records' effects are written under (what they publish in turn carries it): the
   * record's own span for a batch of one; for a larger batch, a new span linked to every record's,
   * which the caller ends.
   */
  public Span startApply(List<Span> records) {
    if (records.size() == 1) {
      return records.get(0);
    }
    SpanBuilder batch =
        tracer
            .spanBuilder("process batch")
            .setSpanKind(SpanKind.INTERNAL)
            .setNoParent()
            .setAttribute(BATCH_SIZE, (long) records.size());
    records.forEach(span -> batch.addLink(span.getSpanContext()));
    return batch.startSpan();
  }

  /** Marks the span failed with the cause, and ends it; a span already ended stays as it was. */
  public static void fail(Span span, Throwable cause) {
    if (!span.isRecording()) {
      return;
    }
    span.recordException(cause);
    span.setStatus(StatusCode.ERROR, cause.getMessage());
    span.end();
  }

  private static Context contextOf(String traceparent) {
    if (traceparent == null) {
      return Context.root();
    }
    return W3C.extract(Context.root(), traceparent, ONE_TRACEPARENT);
  }

  private static final TextMapGetter<String> ONE_TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
          return TRACEPARENT.equals(key) ? carrier : null;
        }
      };
}
