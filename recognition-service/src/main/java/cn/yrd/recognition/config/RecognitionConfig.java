package cn.yrd.recognition.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the recognition service ({@code yrd.recognition.*}). */
@ConfigMapping(prefix = "yrd.recognition")
public interface RecognitionConfig {

  /** How long a gap in a province's ce_sequence may stay open before SEQUENCE_GAP is raised. */
  @WithDefault("PT60S")
  Duration sequenceGapThreshold();

  /** A person who represented an organization revoked less than this many years ago is barred. */
  @WithDefault("5")
  int legalRepBarYears();

  /** How often the time-driven rules run (sequence gaps, expiring recognized grades). */
  @WithDefault("5s")
  String periodicCheckInterval();

  /**
   * Consumers of the registry topics in this instance, each on its own thread. They share the
   * topics' partitions, so more than one helps only when the topics have more than one partition.
   * At least 1: {@link cn.yrd.recognition.event.RegistryEventConsumer} refuses to start with fewer.
   */
  @WithDefault("2")
  int consumerThreads();

  /** The Kafka consumer group of all recognition instances. */
  @WithDefault("recognition")
  String consumerGroup();

  /** The change feed (变更订阅). */
  Feed feed();

  /** Settings of the change feed ({@code yrd.recognition.feed.*}). */
  interface Feed {
    /** How long entries stay in the feed; an older position gets 410 and the snapshot. */
    @WithDefault("P31D")
    Duration retention();

    /** How long a subscriber's stream may stay quiet before it gets a heartbeat. */
    @WithDefault("15s")
    Duration heartbeat();
  }

  /** Notifications to the provinces (风险信息预警). */
  Notifications notifications();

  /** Settings of the notifications ({@code yrd.recognition.notifications.*}). */
  interface Notifications {
    /** A HIGH notification not acknowledged within this long is overdue: listed and counted. */
    @WithDefault("PT4H")
    Duration acknowledgeWithin();
  }

  /** Pushing notifications to the provinces' endpoints. */
  Webhooks webhooks();

  /** Settings of the webhooks ({@code yrd.recognition.webhooks.*}). */
  interface Webhooks {
    /** Endpoints must be https; plain http only where a profile allows it (tests, dev). */
    @WithDefault("true")
    boolean requireHttps();

    /** How long one attempt may take, connecting included, before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /** The pause after the first failed attempt; each further failure doubles it. */
    @WithDefault("PT10S")
    Duration firstRetryAfter();

    /** The longest pause between two attempts. */
    @WithDefault("PT1H")
    Duration longestRetryAfter();

    /** Attempts before a delivery is dead-lettered and the province's next one goes out. */
    @WithDefault("12")
    int attempts();

    /** How often an idle province's queue is looked at for new deliveries. */
    @WithDefault("1s")
    Duration poll();
  }
}
