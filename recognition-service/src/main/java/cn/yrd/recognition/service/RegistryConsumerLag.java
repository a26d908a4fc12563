package cn.yrd.recognition.service;

import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.support.kafka.ConsumerLag;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * 消费延迟: how far this instance's registry-event consumers are behind the broker, shared by the
 * consumers that update it and the statistics that report it.
 */
@ApplicationScoped
public class RegistryConsumerLag {
  @Inject MeterRegistry metrics;
  @Inject RecognitionConfig config;

  private ConsumerLag lag;

  public synchronized ConsumerLag lag() {
    if (lag == null) {
      lag = new ConsumerLag(metrics, config.consumerGroup());
    }
    return lag;
  }

  /** Registry events on the broker that this instance's consumers have not yet applied. */
  public long total() {
    return lag().total();
  }
}
