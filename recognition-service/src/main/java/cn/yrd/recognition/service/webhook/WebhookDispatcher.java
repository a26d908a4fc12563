package cn.yrd.recognition.service.webhook;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.WebhookDelivery;
import cn.yrd.recognition.repository.WebhookEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends each province's deliveries in order, one at a time, on a worker of its own: a province
 * whose endpoint fails waits on its own retries, never on another's. Across instances, one holds a
 * province's queue at a time (a transaction-scoped advisory lock). See docs/adr/0022-webhooks.md.
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  /** Advisory-lock key of a province's queue: this base plus the province's ordinal. */
  static final long QUEUE_LOCK_KEY = 0x5952445745424800L;

  @Inject RecognitionConfig config;
  @Inject WebhookSender sender;
  @Inject EntityManager entityManager;

  private final Map<Province, Thread> workers = new EnumMap<>(Province.class);
  private volatile boolean running;

  void start(@Observes StartupEvent event) {
    running = true;
    for (Province province : Province.values()) {
      Thread worker = new Thread(() -> run(province), "webhooks-" + province);
      worker.setDaemon(true);
      workers.put(province, worker);
      worker.start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    workers.values().forEach(Thread::interrupt);
  }

  /** Holds the province's queue for the rest of the caller's transaction; waits for the worker. */
  void lockQueue(Province province) {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, QUEUE_LOCK_KEY + province.ordinal())
        .getSingleResult();
  }

  private void run(Province province) {
    while (running) {
      Duration pause;
      try {
        pause = QuarkusTransaction.requiringNew().call(() -> deliverNext(province));
      } catch (RuntimeException e) {
        LOG.warnf("webhook worker of %s failed, will retry: %s", province, e.getMessage());
        pause = Duration.ofSeconds(1);
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Tries the head of the province's queue if it is due; answers how long to wait until next. */
  private Duration deliverNext(Province province) {
    Duration poll = config.webhooks().poll();
    Object held =
        entityManager
            .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
            .setParameter(1, QUEUE_LOCK_KEY + province.ordinal())
            .getSingleResult();
    if (!Boolean.TRUE.equals(held)) {
      return poll;
    }
    WebhookDelivery head =
        WebhookDelivery.find(
                "province = ?1 and status = ?2",
                Sort.by("place"),
                province.name(),
                WebhookDelivery.PENDING)
            .firstResult();
    WebhookEndpoint endpoint = head == null ? null : WebhookEndpoint.findById(province.name());
    if (endpoint == null) {
      return poll;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (head.nextAttemptAt.isAfter(now)) {
      return shorter(Duration.between(now, head.nextAttemptAt), poll);
    }
    String error = sender.attempt(endpoint.url, endpoint.secret, head.id.toString(), head.body);
    head.attempts++;
    head.lastError = error;
    if (error == null) {
      head.status = WebhookDelivery.DELIVERED;
      head.deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
      return Duration.ZERO;
    }
    RetrySchedule retries = schedule();
    if (retries.exhausted(head.attempts)) {
      head.status = WebhookDelivery.DEAD;
      LOG.warnf(
          "webhook delivery %s to %s dead-lettered after %d attempts: %s",
          head.id, province, head.attempts, error);
      return Duration.ZERO;
    }
    Duration pause = retries.pauseAfter(head.attempts);
    head.nextAttemptAt = now.plus(pause);
    return shorter(pause, poll);
  }

  private RetrySchedule schedule() {
    RecognitionConfig.Webhooks webhooks = config.webhooks();
    return new RetrySchedule(
        webhooks.firstRetryAfter(), webhooks.longestRetryAfter(), webhooks.attempts());
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
