package cn.yrd.recognition.event;

import cn.yrd.contracts.Topics;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.EventProcessor;
import cn.yrd.support.kafka.ConsumerLoop;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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

  private volatile boolean running;
  private Thread worker;

  void start(@Observes StartupEvent event) {
    Counter applied = metrics.counter("yrd.recognition.events.applied");
    Counter deadLettered = metrics.counter("yrd.recognition.events.dead-lettered");
    EventParser parser = new EventParser(json);
    ConsumerLoop<ParsedEvent> loop =
        new ConsumerLoop<>(
            kafkaConfig,
            config.consumerGroup(),
            List.of(Topics.REGISTRATION, Topics.SUPERVISION),
            parser::parse,
            processor::applyAll,
            new ConsumerLoop.Listener() {
              @Override
              public void applied(int count) {
                applied.increment(count);
              }

              @Override
              public void deadLettered() {
                deadLettered.increment();
              }
            },
            () -> running);
    running = true;
    worker = new Thread(loop, "registry-event-consumer");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (worker != null) {
      try {
        worker.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
