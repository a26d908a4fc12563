package cn.yrd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.audit.repository.AuditEvent;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.KafkaRoundTrip;
import cn.yrd.local.testing.ServiceProbes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InfrastructureWiringTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject AgroalDataSource dataSource;

  @Test
  void storesAConsumedEventThatCanThenNeitherChangeNorDisappear() throws Exception {
    ConsumerRecord<String, String> consumed =
        KafkaRoundTrip.roundTrip(
            bootstrapServers, Topics.SUPERVISION, "53100000500021676K", "{\"listed\":true}");
    UUID eventId = UUID.randomUUID();

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              AuditEvent event = new AuditEvent();
              event.leafIndex = AuditEvent.count();
              event.eventId = eventId;
              event.topic = consumed.topic();
              event.partition = consumed.partition();
              event.offset = consumed.offset();
              event.eventType = "cn.yrd.supervision.abnormal-listed.v1";
              event.source = "/yrd/registry/SH";
              event.subject = consumed.key();
              event.payload = consumed.value();
              event.receivedAt = OffsetDateTime.now();
              event.persist();
            });

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
    }
    AuditEvent stored =
        QuarkusTransaction.requiringNew()
            .call(() -> AuditEvent.<AuditEvent>find("eventId", eventId).firstResult());
    assertThat(stored.payload).contains("listed");
  }

  @Test
  void isReadyOnlyWithDatabaseAndBroker() {
    ServiceProbes.assertReadyWithDatabaseAndBroker();
  }

  @Test
  void servesTheOpenApiDocumentAndSwaggerUi() {
    ServiceProbes.assertServesOpenApi("audit");
  }
}
