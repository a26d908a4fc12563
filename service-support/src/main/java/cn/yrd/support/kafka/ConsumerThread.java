package cn.yrd.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A {@link ConsumerLoop} on its own daemon thread, stopped with {@link #stop()}. */
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
      ConsumerLoop.Listener listener) {
    ConsumerLoop<T> loop =
        new ConsumerLoop<>(kafkaConfig, group, topics, parser, applier, listener, () -> running);
    thread = new Thread(loop, name);
    thread.setDaemon(true);
  }

  public static <T> ConsumerThread start(
      String name,
      Map<String, Object> kafkaConfig,
      String group,
      List<String> topics,
      ConsumerLoop.Parser<T> parser,
      ConsumerLoop.Applier<T> applier,
      ConsumerLoop.Listener listener) {
    ConsumerThread consumer =
        new ConsumerThread(name, kafkaConfig, group, topics, parser, applier, listener);
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
