package cn.yrd.audit.event;

import cn.yrd.audit.config.AuditConfig;
import cn.yrd.audit.service.AuditAppender;
import cn.yrd.audit.service.Checkpointer;
import cn.yrd.contracts.Topics;
import cn.yrd.support.kafka.ConsumerLag;
import cn.yrd.support.kafka.ConsumerLoop;
import cn.yrd.support.kafka.ConsumerSchedulingConfig;
import cn.yrd.support.kafka.ConsumerThread;
import cn.yrd.support.tracing.EventTracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Consumes every federation topic into the log (see {@link ConsumerLoop}). */
@ApplicationScoped
public class AuditIngestor {
  @Inject EventTracing tracing;
  @Inject AuditAppender appender;
  @Inject Checkpointer checkpointer;
  @Inject AuditConfig config;
  @Inject ConsumerSchedulingConfig scheduling;
  @Inject ObjectMapper json;
  @Inject MeterRegistry metrics;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private ConsumerThread consumer;

  void start(@Observes StartupEvent event) {
    Counter stored =
        Counter.builder("yrd.audit.events.stored")
            .description("events appended to the audit log (a redelivery is not counted twice)")
            .register(metrics);
    Counter deadLettered =
        Counter.builder("yrd.audit.events.dead-lettered")
            .description("records the audit service could not read, sent to the dead-letter topic")
            .register(metrics);
    consumer =
        ConsumerThread.start(
            "audit-ingestor",
            kafkaConfig,
            config.consumerGroup(),
            List.of(Topics.REGISTRATION, Topics.SUPERVISION, Topics.RECOGNITION, Topics.WITNESS),
            new AuditRecordParser(json)::parse,
            events -> {
              stored.increment(appender.append(events));
              checkpointer.afterAppend();
            },
            ConsumerLoop.Listener.counting(count -> {}, deadLettered::increment),
            new ConsumerLag(metrics, config.consumerGroup()),
            tracing,
            scheduling);
  }

  void stop(@Observes ShutdownEvent event) {
    if (consumer != null) {
      consumer.stop();
    }
  }
}
