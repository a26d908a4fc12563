package cn.yrd.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded Kafka broker alone in its own JVM, so that a test can kill it with SIGKILL as a
 * crash would: {@code KafkaBrokerMain <data dir> <port> <controller port>}.
 */
public final class KafkaBrokerMain {
  private KafkaBrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafka kafka =
        EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  stopped.countDown();
                },
                "kafka-broker-shutdown"));
    System.out.println("broker ready on " + kafka.bootstrapServers());
    stopped.await();
  }
}
