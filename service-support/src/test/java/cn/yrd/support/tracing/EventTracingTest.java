package cn.yrd.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.CloudEventHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace an event carries from the request through the relay to each consumer. */
class EventTracingTest {
  private static final String TOPIC = "yrd.registration.v1";
  private static final String USCC = "51310000MJ4912345X";

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
  private final EventTracing tracing = new EventTracing(provider.get("yrd"));

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void eachConsumersSpanIsAChildOfTheRelaysSendWhichIsAChildOfTheRequest() {
    Span request = provider.get("http").spanBuilder("POST /api/v1/organizations").startSpan();
    String traceparent;
    try (Scope scope = request.makeCurrent()) {
      traceparent = EventTracing.currentTraceparent();
    }
    request.end();

    RecordHeaders headers = new RecordHeaders();
    Span send = tracing.startSend(traceparent, TOPIC, USCC, "event-1", "registered");
    EventTracing.inject(send, traceparent, headers);
    send.end();
    tracing.startProcess(record(headers, 0), "recognition").end();
    tracing.startProcess(record(headers, 0), "audit").end();

    Map<String, SpanData> spans = byName();
    SpanData requestSpan = spans.get("POST /api/v1/organizations");
    SpanData sendSpan = spans.get("send " + TOPIC);
    assertThat(traceparent).contains(requestSpan.getTraceId()).contains(requestSpan.getSpanId());
    assertThat(sendSpan.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(sendSpan.getParentSpanId()).isEqualTo(requestSpan.getSpanId());
    List<SpanData> processed =
        exported.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("process " + TOPIC))
            .toList();
    assertThat(processed).hasSize(2);
    assertThat(processed)
        .allSatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo(SpanKind.CONSUMER);
              assertThat(p.getParentSpanId()).isEqualTo(sendSpan.getSpanId());
            });
    assertThat(exported.getFinishedSpanItems())
        .extracting(SpanData::getTraceId)
        .containsOnly(requestSpan.getTraceId());
    assertThat(header(headers, CloudEventHeaders.TRACEPARENT)).isEqualTo(traceparent);
    assertThat(header(headers, EventTracing.TRACEPARENT)).contains(sendSpan.getSpanId());
  }

  @Test
  void aBatchOfSeveralRecordsIsAppliedUnderASpanLinkedToEachRecordsSpan() {
    Span first = tracing.startProcess(record(new RecordHeaders(), 1), "audit");
    Span second = tracing.startProcess(record(new RecordHeaders(), 2), "audit");

    Span apply = tracing.startApply(List.of(first, second));
    apply.end();

    SpanData batch = byName().get("process batch");
    assertThat(batch.getLinks())
        .extracting(link -> link.getSpanContext().getSpanId())
        .containsExactly(first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());
    assertThat(tracing.startApply(List.of(first))).isSameAs(first);
  }

  @Test
  void anEventWrittenOutsideATraceCarriesNoTraceContextWhenTracingIsOff() {
    EventTracing off = new EventTracing(OpenTelemetry.noop().getTracer("yrd"));
    RecordHeaders headers = new RecordHeaders();

    String traceparent = EventTracing.currentTraceparent();
    EventTracing.inject(
        off.startSend(traceparent, TOPIC, USCC, "event-2", "registered"), traceparent, headers);

    assertThat(traceparent).isNull();
    assertThat(headers.toArray()).isEmpty();
  }

  private Map<String, SpanData> byName() {
    return exported.getFinishedSpanItems().stream()
        .collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
  }

  private static ConsumerRecord<String, byte[]> record(RecordHeaders headers, long offset) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(TOPIC, 0, offset, USCC, "{}".getBytes(StandardCharsets.UTF_8));
    for (Header header : headers) {
      record.headers().add(header);
    }
    return record;
  }

  private static String header(RecordHeaders headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
