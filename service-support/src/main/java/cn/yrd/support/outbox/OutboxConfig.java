package cn.yrd.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The outbox relay of a service ({@code yrd.outbox.*}). */
@ConfigMapping(prefix = "yrd.outbox")
public interface OutboxConfig {

  /** The CloudEvents {@code ce_source} of every event, e.g. {@code /yrd/registry/SH}. */
  @WithDefault("/yrd/${quarkus.application.name}")
  String source();

  /** The {@code ce_province} extension, for registries; absent for region-wide services. */
  Optional<String> province();

  /** How often the leader looks for unpublished rows when nothing woke it. */
  @WithDefault("PT0.2S")
  Duration pollInterval();

  /** How long the leader waits after a wake-up before claiming, to batch concurrent commits. */
  @WithDefault("PT0.01S")
  Duration linger();

  /** Rows claimed and sent per round. */
  @WithDefault("500")
  int batchSize();

  /** How often a non-leader instance tries to become the relay leader. */
  @WithDefault("PT2S")
  Duration leaderRetry();

  /** Pause after the broker refused or timed out, before trying again. */
  @WithDefault("PT1S")
  Duration failureBackoff();
}
