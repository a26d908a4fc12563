package cn.yrd.registry.repository;

import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.registry.repository.RegistrationWriter.Stamped;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Commits registrations that arrive together in one statement: callers queue their rows, and each
 * of a few writer threads stores everything waiting at once ({@link GroupCommitter}). Concurrent
 * clients then share one round trip and one WAL flush instead of paying one each. If the shared
 * statement fails (a clash between two rows, or with one already stored), nothing of it was stored
 * and every row is stored again on its own, so each caller gets the answer its own row deserves.
 * See docs/adr/0011-registration-group-commit.md.
 */
@ApplicationScoped
public class RegistrationGroupCommit {
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Inject RegistrationWriter writer;
  @Inject RegistryConfig config;
  @Inject MeterRegistry metrics;

  private GroupCommitter<Stamped> committer;

  void start(@Observes StartupEvent event) {
    RegistryConfig.GroupCommit settings = config.groupCommit();
    if (settings.writers() < 1 || settings.maxRows() < 1) {
      throw new IllegalStateException(
          "yrd.registry.group-commit.writers and .max-rows must be at least 1");
    }
    DistributionSummary groupSizes =
        DistributionSummary.builder("yrd.registry.group-commit.rows")
            .description("Registrations stored by one statement")
            .register(metrics);
    committer =
        new GroupCommitter<>(
            "registration-writer",
            settings.writers(),
            settings.maxRows(),
            new GroupCommitter.Store<>() {
              @Override
              public void together(List<Stamped> group) throws Exception {
                writer.insertTogether(group);
              }

              @Override
              public void alone(Stamped row) throws Exception {
                writer.insert(row);
              }
            },
            groupSizes::record);
    committer.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (committer != null) {
      committer.stop(STOP_WAIT);
    }
  }

  /**
   * Queues one registration; the stage completes once it has committed, or fails with {@link
   * RegistrationWriter.ClashException} if its code or name is already registered. It completes on
   * the caller's Vert.x context (the request's event loop) when there is one, so that a writer
   * thread only stores rows and the answer is written where the request came in.
   */
  public CompletionStage<Void> submit(NewRegistration row, String actor, OffsetDateTime at) {
    return committer.submit(new Stamped(row, actor, at), onCallersContext());
  }

  private static Executor onCallersContext() {
    Context context = Vertx.currentContext();
    return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
  }
}
