package cn.yrd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.KafkaRoundTrip;
import cn.yrd.local.testing.ServiceProbes;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InfrastructureWiringTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void storesAnOutboxRowInPostgresAndRoundTripsItThroughTheBroker() throws Exception {
    UUID eventId = UUID.randomUUID();
    String payload = "{\"name\": \"上海市软件行业协会\"}";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              OutboxEvent event = new OutboxEvent();
              event.eventId = eventId;
              event.topic = Topics.REGISTRATION;
              event.eventType = "cn.yrd.registration.registered.v1";
              event.subject = "53100000500021676K";
              event.payload = payload;
              event.occurredAt = OffsetDateTime.now();
              event.persist();
            });

    OutboxEvent stored =
        QuarkusTransaction.requiringNew()
            .call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult());
    assertThat(stored.position).isPositive();
    // The relay may already have published it; what matters here is that PostgreSQL kept it.
    assertThat(stored.payload).contains("上海市软件行业协会");

    ConsumerRecord<String, String> echoed =
        KafkaRoundTrip.roundTrip(bootstrapServers, stored.topic, stored.subject, stored.payload);
    assertThat(echoed.key()).isEqualTo("53100000500021676K");
    assertThat(echoed.value()).contains("上海市软件行业协会");
  }

  @Test
  void isReadyOnlyWithDatabaseAndBroker() {
    ServiceProbes.assertReadyWithDatabaseAndBroker();
  }

  @Test
  void servesTheOpenApiDocumentAndSwaggerUi() {
    ServiceProbes.assertServesOpenApi("registry");
  }
}
