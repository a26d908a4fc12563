package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.SharedInfrastructure;
import cn.yrd.support.outbox.OutboxEvent;
import cn.yrd.support.outbox.OutboxRelay;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventPublishingTest {
  private static final String REGISTRATIONS = "/api/v1/registrations";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject OutboxRelay relay;

  @Test
  void publishesEachChangeAsACloudEventCarryingTheFullStateButNoIdNumber() throws Exception {
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    String idNumber = (String) ((Map<?, ?>) body.get("legalRepresentative")).get("idNumber");
    as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
    as(Roles.REGISTRAR)
        .header("If-Match", "\"0\"")
        .body(Map.of("businessScope", "行业自律"))
        .patch(REGISTRATIONS + "/" + uscc)
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> mine =
        allPublished().stream().filter(r -> uscc.equals(r.key())).toList();

    assertThat(mine).hasSize(2);
    ConsumerRecord<String, String> registered = mine.get(0);
    assertThat(registered.topic()).isEqualTo(Topics.REGISTRATION);
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.TYPE))
        .isEqualTo(EventTypes.REGISTERED);
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.SOURCE))
        .isEqualTo("/yrd/registry/SH");
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.SUBJECT)).isEqualTo(uscc);
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.PROVINCE)).isEqualTo("SH");
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.CONTENT_TYPE))
        .isEqualTo("application/json");
    assertThat(PublishedEvents.header(registered, CloudEventHeaders.TIME))
        .matches("\\d{4}-\\d{2}-\\d{2}T.*\\+08:00");
    JsonNode state = JSON.readTree(registered.value()).get("organization");
    assertThat(state.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(state.get("name").asText()).isEqualTo(body.get("name"));
    assertThat(state.get("legalRepresentative").get("personRef").asText()).hasSize(64);
    JsonNode amended = JSON.readTree(mine.get(1).value());
    assertThat(amended.get("organization").get("version").asLong()).isEqualTo(1);
    assertThat(amended.get("change").get("amendedFields").toString())
        .isEqualTo("[\"businessScope\"]");
    assertThat(mine)
        .allSatisfy(r -> assertThat(r.value()).doesNotContain(idNumber, idNumber.substring(0, 14)));
    long first = Long.parseLong(PublishedEvents.header(registered, CloudEventHeaders.SEQUENCE));
    assertThat(PublishedEvents.header(mine.get(1), CloudEventHeaders.SEQUENCE))
        .isEqualTo(Long.toString(first + 1));
  }

  @Test
  void acceptsWritesWhileTheBrokerIsDownAndPublishesThemOnceInOrderWhenItReturns() {
    allPublished();
    List<String> written = new ArrayList<>();
    SharedInfrastructure.stopKafka();
    try {
      for (int i = 0; i < 5; i++) {
        Map<String, Object> body = registration();
        as(Roles.REGISTRAR).body(body).post(REGISTRATIONS).then().statusCode(201);
        written.add((String) body.get("uscc"));
      }
      assertThat(unpublished())
          .as("nothing can be sent while the broker is down")
          .isGreaterThanOrEqualTo(5);
    } finally {
      SharedInfrastructure.startKafka();
    }

    List<ConsumerRecord<String, String>> records = allPublished();

    Map<String, Long> perEvent =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> PublishedEvents.header(r, CloudEventHeaders.ID), Collectors.counting()));
    assertThat(perEvent.values()).as("every event exactly once").allMatch(n -> n == 1);
    Set<String> published = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    assertThat(published).containsAll(written);
    List<Long> sequences =
        records.stream()
            .map(r -> Long.parseLong(PublishedEvents.header(r, CloudEventHeaders.SEQUENCE)))
            .sorted()
            .toList();
    assertThat(sequences)
        .as("gap-free from 1")
        .isEqualTo(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    Map<String, Long> sequenceOf =
        records.stream()
            .collect(
                Collectors.toMap(
                    ConsumerRecord::key,
                    r -> Long.parseLong(PublishedEvents.header(r, CloudEventHeaders.SEQUENCE)),
                    Math::max));
    assertThat(written.stream().map(sequenceOf::get).toList())
        .as("published in write order")
        .isSorted();
  }

  /** Waits until the outbox is empty, then reads every record published so far. */
  private List<ConsumerRecord<String, String>> allPublished() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (unpublished() > 0 && System.nanoTime() < deadline) {
      relay.wakeUp();
      sleep(100);
    }
    assertThat(unpublished()).as("outbox drained").isZero();
    long total = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    return PublishedEvents.readAll(bootstrapServers, total);
  }

  private static long unpublished() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        OutboxEvent.getEntityManager()
                            .createNativeQuery("SELECT count(*) FROM outbox_unpublished")
                            .getSingleResult())
                    .longValue());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
