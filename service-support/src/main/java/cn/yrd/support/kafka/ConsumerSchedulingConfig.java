package cn.yrd.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a service's Kafka consumers share the machine and how often they commit offsets ({@code
 * yrd.consumer.*}).
 */
@ConfigMapping(prefix = "yrd.consumer")
public interface ConsumerSchedulingConfig {

  /**
   * Whether consumer threads run in Linux's {@code SCHED_IDLE} class ({@link IdleScheduling}): on a
   * machine shared with the registries they then lag under load and catch up when it passes. Off by
   * default: on a deployment's own nodes their lag must stay bounded under sustained API load. The
   * local launcher, which puts the whole federation on one machine, turns it on.
   */
  @WithDefault("false")
  boolean background();

  /**
   * A consumer commits its offsets at most this often, at the latest this long after its last
   * batch, and before it stops or loses a partition. After a crash it reads again what it applied
   * since the last commit, which changes nothing. {@code 0} commits after every batch.
   */
  @WithDefault("250ms")
  Duration commitInterval();
}
