package cn.yrd.recognition;

import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.recognition.repository.ProcessedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * With the default settings, the consumers that flag conflicts keep up while request threads keep
 * every core busy: their lag stays bounded instead of growing with the length of the load. (In
 * {@code SCHED_IDLE}, which a deployment must ask for, they would wait for an idle core.)
 */
@QuarkusTest
class ConsumerLagUnderLoadTest {
  private static final Province PROVINCE = Province.AH;
  private static final int EVENTS_PER_SECOND = 100;
  private static final int LOAD_SECONDS = 30;
  private static final int READERS = 6;

  /**
   * Five seconds of events: a consumer that keeps up stays far below it, a starved one passes it.
   */
  private static final long LAG_BOUND = 5L * EVENTS_PER_SECOND;

  private static final Logger LOG = Logger.getLogger(ConsumerLagUnderLoadTest.class);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void consumerLagStaysBoundedUnderSustainedApiLoad() throws Exception {
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    for (int i = 0; i < READERS; i++) {
      readers.submit(
          () -> {
            while (loading.get()) {
              as(Roles.READER, PROVINCE).queryParam("name", "省").get("/api/v1/organizations");
            }
          });
    }
    List<UUID> published = new ArrayList<>();
    List<Long> lagPerSecond = new ArrayList<>();
    try (Registries registries = new Registries(bootstrapServers)) {
      for (int second = 0; second < LOAD_SECONDS; second++) {
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS_PER_SECOND; i++) {
          published.add(
              registries.publish(
                  Registries.org(PROVINCE, OrgCategory.SOCIAL_GROUP, "安徽省负载" + second + "-" + i),
                  EventTypes.REGISTERED));
        }
        lagPerSecond.add(published.size() - applied(published));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, 1_000_000_000L - (System.nanoTime() - start)));
      }
    } finally {
      loading.set(false);
      readers.shutdown();
      readers.awaitTermination(30, TimeUnit.SECONDS);
    }

    LOG.infof("unapplied events after each second of load: %s", lagPerSecond);
    assertThat(lagPerSecond)
        .as("unapplied events after each second of load")
        .allSatisfy(lag -> assertThat(lag).isLessThanOrEqualTo(LAG_BOUND));
    Await.until(() -> applied(published) == published.size(), "every event applied");
  }

  /** How many of these events recognition has applied. */
  private static long applied(List<UUID> eventIds) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ProcessedEvent.count("eventId in ?1", eventIds));
  }
}
