package cn.yrd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.ServiceProbes;
import cn.yrd.support.kafka.IdleScheduling;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InfrastructureWiringTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject AgroalDataSource dataSource;

  @Test
  void storesAPublishedEventThatCanThenNeitherChangeNorDisappear() throws Exception {
    UUID eventId;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      eventId =
          events.send(
              Topics.SUPERVISION,
              "cn.yrd.supervision.abnormal-listed.v1",
              "53100000500021676K",
              "SH",
              1L,
              "{\"listed\":true}");
    }
    AuditEvent stored = awaitStored(eventId);
    assertThat(stored.payload).isEqualTo("{\"listed\":true}");
    assertThat(stored.leafHash).hasSize(32);

    try (Connection connection = dataSource.getConnection()) {
      assertThatThrownBy(
              () ->
                  connection
                      .createStatement()
                      .execute(
                          "UPDATE audit_event SET payload = '{}' WHERE event_id = '"
                              + eventId
                              + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () ->
                  connection
                      .createStatement()
                      .execute("DELETE FROM audit_event WHERE event_id = '" + eventId + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> connection.createStatement().execute("DELETE FROM merkle_node"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void consumesInTheNormalSchedulingClassByDefault() throws InterruptedException {
    // Only a deployment that asks for it (yrd.consumer.background) moves consumers to SCHED_IDLE.
    List<Integer> policies =
        await(() -> IdleScheduling.policiesOfThreadsNamed("audit-ingestor"), p -> !p.isEmpty());
    assertThat(policies).containsExactly(IdleScheduling.SCHED_OTHER);
  }

  @Test
  void isReadyOnlyWithDatabaseAndBroker() {
    ServiceProbes.assertReadyWithDatabaseAndBroker();
  }

  @Test
  void servesTheOpenApiDocumentAndSwaggerUi() {
    ServiceProbes.assertServesOpenApi("audit");
    ServiceProbes.assertOpenApiComplete();
  }

  static AuditEvent awaitStored(UUID eventId) throws InterruptedException {
    AuditEvent found =
        await(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> AuditEvent.<AuditEvent>find("eventId", eventId).firstResult()),
            Objects::nonNull);
    if (found == null) {
      throw new AssertionError("event " + eventId + " not stored within 30 s");
    }
    return found;
  }

  /** Probes every 100 ms until {@code done} holds or 30 s pass; returns the last probe. */
  private static <T> T await(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = probe.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      last = probe.get();
    }
    return last;
  }
}
