package cn.yrd.recognition.service.notification;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.repository.Notification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code yrd_notifications_overdue{province}}: HIGH notifications a province has not acknowledged
 * within {@code yrd.recognition.notifications.acknowledge-within}. Counted on a schedule, so a
 * scrape never waits for the database.
 */
@ApplicationScoped
public class OverdueNotificationGauges {
  @Inject MeterRegistry metrics;
  @Inject NotificationService notifications;

  private final Map<Province, AtomicLong> overdue = new EnumMap<>(Province.class);

  void register(@Observes StartupEvent event) {
    for (Province province : Province.values()) {
      AtomicLong count = new AtomicLong();
      overdue.put(province, count);
      Gauge.builder("yrd.notifications.overdue", count, AtomicLong::doubleValue)
          .description("HIGH notifications the province has not acknowledged in the time allowed")
          .tag("province", province.name())
          .register(metrics);
    }
  }

  @Scheduled(
      every = "${yrd.recognition.periodic-check-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void count() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                overdue.forEach(
                    (province, count) ->
                        count.set(
                            Notification.count(
                                "province = ?1 and severity = ?2 and acknowledgedAt is null"
                                    + " and createdAt <= ?3",
                                province.name(),
                                Severity.HIGH.name(),
                                notifications.overdueBefore()))));
  }
}
