package cn.yrd.recognition.service;

import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.repository.Conflict;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code yrd_conflicts_open{severity}}: conflicts open or acknowledged, by severity, for the alert
 * on open HIGH conflicts. Counted on a schedule rather than at each scrape, so a scrape never waits
 * for the database.
 */
@ApplicationScoped
public class OpenConflictGauges {
  @Inject MeterRegistry metrics;

  private static final List<ConflictStatus> UNSETTLED =
      List.of(ConflictStatus.OPEN, ConflictStatus.ACKNOWLEDGED);

  private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);

  void register(@Observes StartupEvent event) {
    for (Severity severity : Severity.values()) {
      AtomicLong count = new AtomicLong();
      open.put(severity, count);
      Gauge.builder("yrd.conflicts.open", count, AtomicLong::doubleValue)
          .description("conflicts open or acknowledged (not yet resolved or dismissed)")
          .tag("severity", severity.name())
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
                open.forEach(
                    (severity, count) ->
                        count.set(
                            Conflict.count(
                                "status in ?1 and severity = ?2", UNSETTLED, severity))));
  }
}
