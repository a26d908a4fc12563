package cn.yrd.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.KafkaRoundTrip;
import cn.yrd.local.testing.ServiceProbes;
import cn.yrd.recognition.api.OfficerNote;
import cn.yrd.recognition.repository.ProcessedEvent;
import cn.yrd.support.kafka.IdleScheduling;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InfrastructureWiringTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void recordsAConsumedEventOnceInPostgres() throws Exception {
    ConsumerRecord<String, String> consumed =
        KafkaRoundTrip.roundTrip(
            bootstrapServers, Topics.REGISTRATION, "53100000500021676K", "{\"status\":\"ACTIVE\"}");
    UUID eventId = UUID.randomUUID();

    QuarkusTransaction.requiringNew().run(() -> processed(eventId, consumed).persist());

    ProcessedEvent stored =
        QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(eventId));
    assertThat(stored.topic).isEqualTo(Topics.REGISTRATION);
    assertThat(stored.offset).isEqualTo(consumed.offset());
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew().run(() -> processed(eventId, consumed).persist()))
        .as("the same ce_id cannot be recorded twice")
        .hasStackTraceContaining("processed_event_pkey");
  }

  @Test
  void consumesInTheNormalSchedulingClassByDefault() {
    // Only a deployment that asks for it (yrd.consumer.background) moves consumers to SCHED_IDLE.
    // Linux cuts a thread's name to 15 characters.
    Await.until(
        () ->
            IdleScheduling.policiesOfThreadsNamed("registry-event-")
                .equals(List.of(IdleScheduling.SCHED_OTHER, IdleScheduling.SCHED_OTHER)),
        "both consumer threads in SCHED_OTHER");
  }

  @Test
  void isReadyOnlyWithDatabaseAndBroker() {
    ServiceProbes.assertReadyWithDatabaseAndBroker();
  }

  @Test
  void servesTheOpenApiDocumentAndSwaggerUi() {
    ServiceProbes.assertServesOpenApi("recognition");
  }

  @Test
  void documentsEveryOperationWithSchemasAndErrors() {
    // The Reconciliation API is open: OpenRefine sends no token.
    ServiceProbes.assertOpenApiComplete("/api/v1/reconcile");
  }

  @Test
  void declaresTheLengthLimitOfAnOfficersNote() {
    JsonPath doc =
        RestAssured.given()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(doc.getInt("components.schemas.OfficerNote.properties.note.maxLength"))
        .isEqualTo(OfficerNote.NOTE_MAX);
    assertThat(doc.getInt("components.schemas.ManualDecision.properties.note.maxLength"))
        .isEqualTo(OfficerNote.NOTE_MAX);
  }

  private static ProcessedEvent processed(UUID eventId, ConsumerRecord<String, String> record) {
    ProcessedEvent event = new ProcessedEvent();
    event.eventId = eventId;
    event.topic = record.topic();
    event.partition = record.partition();
    event.offset = record.offset();
    event.processedAt = OffsetDateTime.now();
    return event;
  }
}
