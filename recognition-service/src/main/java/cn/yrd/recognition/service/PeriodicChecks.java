package cn.yrd.recognition.service;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.service.conflict.DateDrivenRules;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import cn.yrd.recognition.service.recognition.RecognitionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rules that time alone can trigger: a sequence gap left open too long, a recognized grade
 * expiring, and, once per business day (and at start-up for the days missed), the conflicts whose
 * truth a date changes.
 */
@ApplicationScoped
public class PeriodicChecks {
  @Inject ScopeEvaluator scopes;
  @Inject RecognitionService recognitions;
  @Inject DateDrivenRules dateDriven;

  @Scheduled(
      every = "${yrd.recognition.periodic-check-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (Province province : Province.values()) {
                scopes.sequence(province);
              }
            });
    dateDriven.catchUp();
    recognitions.dropExpiredGrades();
  }
}
