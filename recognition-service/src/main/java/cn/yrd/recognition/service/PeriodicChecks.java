package cn.yrd.recognition.service;

import cn.yrd.contracts.Province;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Rules that time alone can trigger: a sequence gap left open too long, a recognized grade
 * expiring.
 */
@ApplicationScoped
public class PeriodicChecks {
  @Inject ScopeEvaluator scopes;
  @Inject RecognitionService recognitions;

  @Scheduled(
      every = "${yrd.recognition.periodic-check-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void run() {
    for (Province province : Province.values()) {
      scopes.sequence(province);
    }
    recognitions.dropExpiredGrades();
  }
}
