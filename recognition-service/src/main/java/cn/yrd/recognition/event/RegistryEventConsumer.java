package cn.yrd.recognition.event;

import cn.yrd.contracts.Topics;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.EventProcessor;
import cn.yrd.recognition.service.RegistryConsumerLag;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes both registry topics into the consolidated view (see {@link ConsumerLoop}), with {@code
 * yrd.recognition.consumer-threads} consumers of one group sharing the partitions.
 */
@ApplicationScoped
public class RegistryEventConsumer {
  @Inject EventTracing tracing;
  @Inject EventProcessor processor;
  @Inject RecognitionConfig config;
  @Inject ConsumerSchedulingConfig scheduling;
  @Inject ObjectMapper json;
  @Inject MeterRegistry metrics;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private final List<ConsumerThread> consumers = new ArrayList<>();
  @Inject RegistryConsumerLag consumerLag;

  void start(@Observes StartupEvent event) {
    Counter applied =
        Counter.builder("yrd.recognition.events.applied")
            .description("registry events applied to the cross-province view")
            .register(metrics);
    Counter deadLettered =
        Counter.builder("yrd.recognition.events.dead-lettered")
            .description(
                "registry events recognition could not apply, sent to the dead-letter topic")
            .register(metrics);
    int count = consumerCount(config.consumerThreads());
    for (int i = 1; i <= count; i++) {
      consumers.add(
          ConsumerThread.start(
              "registry-event-consumer-" + i,
              kafkaConfig,
              config.consumerGroup(),
              List.of(Topics.REGISTRATION, Topics.SUPERVISION),
              new EventParser(json)::parse,
              processor::applyAll,
              ConsumerLoop.Listener.counting(applied::increment, deadLettered::increment),
              consumerLag.lag(),
              tracing,
              scheduling));
    }
  }

  /**
   * Checked here rather than with {@code @Min} on the mapping: a constraint on any config mapping
   * makes Quarkus build a Bean Validation factory for configuration while it starts, which cost
   * recognition about half a second of its start-up on this project's machine.
   */
  static int consumerCount(int configured) {
    if (configured < 1) {
      throw new IllegalArgumentException(
          "yrd.recognition.consumer-threads must be at least 1, not " + configured);
    }
    return configured;
  }

  void stop(@Observes ShutdownEvent event) {
    consumers.forEach(ConsumerThread::stop);
  }
}
