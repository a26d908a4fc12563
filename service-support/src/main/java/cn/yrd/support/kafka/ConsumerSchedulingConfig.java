package cn.yrd.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's Kafka consumers share the machine ({@code yrd.consumer.*}). */
@ConfigMapping(prefix = "yrd.consumer")
public interface ConsumerSchedulingConfig {

  /**
   * Whether consumer threads run in Linux's {@code SCHED_IDLE} class ({@link IdleScheduling}): on a
   * machine shared with the registries they then lag under load and catch up when it passes.
   */
  @WithDefault("true")
  boolean background();
}
