package cn.yrd.local;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a server answers, or fails with the last error after a deadline. */
final class Readiness {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private Readiness() {}

  static void awaitKafka(String bootstrapServers) {
    await(
        "Kafka at " + bootstrapServers,
        () -> {
          try (Admin admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          }
        });
  }

  static void awaitPostgres(PostgresServer server) {
    await(
        "PostgreSQL at " + server.hostAndPort(),
        () -> {
          try (Connection connection = server.connect(server.adminDatabase())) {
            connection.createStatement().execute("SELECT 1");
          }
        });
  }

  private interface Probe {
    void run() throws Exception;
  }

  private static void await(String what, Probe probe) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        probe.run();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      } catch (Exception e) {
        last = e;
        sleep();
      }
    }
    throw new IllegalStateException(what + " not ready after " + DEADLINE.toSeconds() + " s", last);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
