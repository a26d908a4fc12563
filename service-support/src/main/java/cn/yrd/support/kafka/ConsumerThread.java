package cn.yrd.support.kafka;

import cn.yrd.support.tracing.EventTracing;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link ConsumerLoop} on its own daemon thread, stopped with {@link #stop()}. A background
 * consumer first moves its thread into {@link IdleScheduling idle scheduling}, so that on a shared
 * machine it catches up in the cores' spare time rather than slowing the services' requests.
 */
public final class ConsumerThread {
  private volatile boolean running = true;
  private final Thread thread;

  private <T> ConsumerThread(
      String name,
      Map<String, Object> kafkaConfig,
      String group,
      List<String> topics,
      ConsumerLoop.Parser<T> parser,
      ConsumerLoop.Applier<T> applier,
      ConsumerLoop.Listener listener,
      ConsumerLag lag,
      EventTracing tracing,
      ConsumerSchedulingConfig scheduling) {
    ConsumerLoop<T> loop =
        new ConsumerLoop<>(
            kafkaConfig,
            group,
            topics,
            parser,
            applier,
            listener,
            () -> running,
            scheduling.commitInterval(),
            lag,
            tracing);
    Runnable body =
        scheduling.background()
            ? () -> {
              IdleScheduling.applyToCurrentThread();
              loop.run();
            }
            : loop;
    thread = new Thread(body, name);
    thread.setDaemon(true);
  }

  public static <T> ConsumerThread start(
      String name,
      Map<String, Object> kafkaConfig,
      String group,
      List<String> topics,
      ConsumerLoop.Parser<T> parser,
      ConsumerLoop.Applier<T> applier,
      ConsumerLoop.Listener listener,
      ConsumerLag lag,
      EventTracing tracing,
      ConsumerSchedulingConfig scheduling) {
    ConsumerThread consumer =
        new ConsumerThread(
            name, kafkaConfig, group, topics, parser, applier, listener, lag, tracing, scheduling);
    consumer.thread.start();
    return consumer;
  }

  /** Asks the loop to finish its current batch and waits up to ten seconds for it. */
  public void stop() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
