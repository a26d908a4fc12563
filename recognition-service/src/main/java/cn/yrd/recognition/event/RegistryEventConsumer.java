package cn.yrd.recognition.event;

import cn.yrd.contracts.Topics;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.EventProcessor;
import cn.yrd.support.kafka.ConsumerLoop;
import cn.yrd.support.kafka.ConsumerThread;
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

/** Consumes both registry topics into the consolidated view (see {@link ConsumerLoop}). */
@ApplicationScoped
public class RegistryEventConsumer {
  @Inject EventProcessor processor;
  @Inject RecognitionConfig config;
  @Inject ObjectMapper json;
  @Inject MeterRegistry metrics;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  private ConsumerThread consumer;

  void start(@Observes StartupEvent event) {
    Counter applied = metrics.counter("yrd.recognition.events.applied");
    Counter deadLettered = metrics.counter("yrd.recognition.events.dead-lettered");
    consumer =
        ConsumerThread.start(
            "registry-event-consumer",
            kafkaConfig,
            config.consumerGroup(),
            List.of(Topics.REGISTRATION, Topics.SUPERVISION),
            new EventParser(json)::parse,
            processor::applyAll,
            ConsumerLoop.Listener.counting(applied::increment, deadLettered::increment));
  }

  void stop(@Observes ShutdownEvent event) {
    if (consumer != null) {
      consumer.stop();
    }
  }
}
