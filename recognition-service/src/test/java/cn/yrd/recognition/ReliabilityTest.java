package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.ProcessedEvent;
import cn.yrd.recognition.repository.SequenceTracker;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Replays, poison records, out-of-order arrival, and the reconciliation run. */
@QuarkusTest
class ReliabilityTest extends PublishingTest {
  private static Change change() {
    return Change.simple(LocalDate.of(2026, 1, 1), null, "test");
  }

  @Test
  void replayingTheSameEventsChangesNothing() {
    String suffix = Long.toString(System.nanoTime());
    Registries.Org sh = Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市重放" + suffix);
    Registries.Org zj = Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "上海市重放" + suffix);
    RegistryEvent shEvent = new RegistryEvent(sh.next(), change());
    RegistryEvent zjEvent = new RegistryEvent(zj.next(), change());
    long shSeq = Registries.skip(Province.SH);
    long zjSeq = Registries.skip(Province.ZJ);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    applied(
        registries.send(Province.SH, EventTypes.REGISTERED, sh.uscc, shEvent, shSeq, a),
        registries.send(Province.ZJ, EventTypes.REGISTERED, zj.uscc, zjEvent, zjSeq, b));
    long conflictsBefore = count();
    List<Map<String, Object>> open = Await.openConflicts(sh.uscc);
    assertThat(open).hasSize(1);

    registries.send(Province.SH, EventTypes.REGISTERED, sh.uscc, shEvent, shSeq, a);
    registries.send(Province.ZJ, EventTypes.REGISTERED, zj.uscc, zjEvent, zjSeq, b);
    // A copy under a new id (a re-sent outbox row) carries the same version: also no change.
    UUID copy =
        registries.send(
            Province.SH, EventTypes.REGISTERED, sh.uscc, shEvent, shSeq, UUID.randomUUID());
    Registries.Org marker =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市重放标记" + suffix);
    applied(copy, registries.publish(marker, EventTypes.REGISTERED));

    assertThat(count()).isEqualTo(conflictsBefore);
    assertThat(Await.openConflicts(sh.uscc)).isEqualTo(open);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> OrgRecord.<OrgRecord>list("uscc", sh.uscc).get(0).version))
        .isZero();
  }

  @Test
  void aBacklogSpreadOverPartitionsIsAppliedWithoutAGap() {
    // Jiangsu: no other test leaves a number of its sequence missing.
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Registries.Org org =
          Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省积压" + UUID.randomUUID());
      ids.add(registries.publish(org, EventTypes.REGISTERED));
    }
    long highest = Registries.current(Province.JS);
    Await.until(() -> processed(ids).size() == ids.size(), "the whole backlog applied");

    assertThat(processed(ids).stream().map(p -> p.partition).distinct().count())
        .as("partitions the backlog arrived on")
        .isGreaterThan(1);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SequenceTracker js = SequenceTracker.findById(Province.JS.name());
              assertThat(js.contiguous).isGreaterThanOrEqualTo(highest);
              assertThat(js.highest).isEqualTo(js.contiguous);
              assertThat(js.gapSince).isNull();
              assertThat(
                      ((Number)
                              Panache.getEntityManager()
                                  .createNativeQuery(
                                      "SELECT count(*) FROM sequence_pending WHERE province = 'JS'")
                                  .getSingleResult())
                          .longValue())
                  .isZero();
            });
  }

  private static List<ProcessedEvent> processed(List<UUID> ids) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ProcessedEvent.<ProcessedEvent>list("eventId in ?1", ids));
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    String key = "poison-" + UUID.randomUUID();
    registries.sendRaw(
        Topics.REGISTRATION,
        key,
        "{not json".getBytes(StandardCharsets.UTF_8),
        Map.of(
            CloudEventHeaders.SPEC_VERSION,
            "1.0",
            CloudEventHeaders.ID,
            UUID.randomUUID().toString(),
            CloudEventHeaders.TYPE,
            EventTypes.REGISTERED,
            CloudEventHeaders.SOURCE,
            "/yrd/registry/JS",
            CloudEventHeaders.SUBJECT,
            key,
            CloudEventHeaders.TIME,
            "2026-01-01T00:00:00+08:00",
            CloudEventHeaders.PROVINCE,
            "JS",
            CloudEventHeaders.SEQUENCE,
            "1"));
    String headerless = "headerless-" + UUID.randomUUID();
    registries.sendRaw(
        Topics.SUPERVISION, headerless, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    Registries.Org after =
        Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省毒丸之后" + UUID.randomUUID());
    applied(registries.publish(after, EventTypes.REGISTERED));

    List<ConsumerRecord<String, String>> letters =
        TopicReader.read(
            bootstrapServers,
            Topics.DEAD_LETTER,
            r -> key.equals(r.key()) || headerless.equals(r.key()),
            2);
    assertThat(letters).hasSize(2);
    assertThat(letters)
        .anySatisfy(
            r ->
                assertThat(TopicReader.header(r, "yrd_dlq_reason"))
                    .contains("not a registry event"));
    assertThat(letters)
        .anySatisfy(
            r -> assertThat(TopicReader.header(r, "yrd_dlq_reason")).contains("missing header"));
  }

  @Test
  void sequenceNumbersArrivingOutOfOrderWithinTheThresholdRaiseNoGap() {
    Registries.Org first =
        Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省乱序甲" + UUID.randomUUID());
    Registries.Org second =
        Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省乱序乙" + UUID.randomUUID());
    long n = Registries.skip(Province.ZJ);
    long m = Registries.skip(Province.ZJ);
    applied(
        registries.send(
            Province.ZJ,
            EventTypes.REGISTERED,
            second.uscc,
            new RegistryEvent(second.next(), change()),
            m,
            UUID.randomUUID()),
        registries.send(
            Province.ZJ,
            EventTypes.REGISTERED,
            first.uscc,
            new RegistryEvent(first.next(), change()),
            n,
            UUID.randomUUID()));
    Await.auditor().get("/api/v1/data-quality").then().statusCode(200);
    assertThat(
            Await.auditor()
                .queryParam("type", "SEQUENCE_GAP")
                .queryParam("status", "OPEN")
                .queryParam("province", "ZJ")
                .get("/api/v1/conflicts")
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
  }

  @Test
  void theReconciliationRunAgreesWithTheIncrementalStateAfterARandomStream() {
    Random random = new Random(20261127);
    Province[] provinces = Province.values();
    OrgCategory[] categories = {
      OrgCategory.SOCIAL_GROUP,
      OrgCategory.SOCIAL_GROUP,
      OrgCategory.FOUNDATION,
      OrgCategory.SOCIAL_SERVICE_INSTITUTION
    };
    String suffix = Long.toString(System.nanoTime());
    List<String> names =
        List.of("上海市随机甲" + suffix, "上海市隨機甲" + suffix, "江苏省随机乙" + suffix, "浙江省随机丙" + suffix);
    List<String> persons = List.of(Registries.person(), Registries.person(), Registries.person());
    List<Registries.Org> orgs = new ArrayList<>();
    List<UUID> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Registries.Org org;
      if (!orgs.isEmpty() && random.nextInt(6) == 0) {
        Registries.Org original = orgs.get(random.nextInt(orgs.size()));
        Province other = provinces[random.nextInt(provinces.length)];
        if (other == original.province) {
          continue;
        }
        org =
            new Registries.Org(
                original.uscc,
                other,
                names.get(random.nextInt(names.size())) + i,
                original.category,
                persons.get(random.nextInt(persons.size())));
      } else {
        org =
            Registries.org(
                provinces[random.nextInt(provinces.length)],
                categories[random.nextInt(categories.length)],
                names.get(random.nextInt(names.size())));
        org.personRef = persons.get(random.nextInt(persons.size()));
      }
      orgs.add(org);
      events.add(registries.publish(org, EventTypes.REGISTERED));
    }
    for (int step = 0; step < 60; step++) {
      Registries.Org org = orgs.get(random.nextInt(orgs.size()));
      if (org.status != OrgStatus.ACTIVE) {
        continue;
      }
      switch (random.nextInt(6)) {
        case 0 -> {
          org.status = OrgStatus.REVOKED;
          org.revoked = LocalDate.now().minusDays(random.nextInt(3000));
          events.add(registries.publish(org, EventTypes.REVOKED));
        }
        case 1 -> {
          org.status = OrgStatus.DEREGISTERED;
          events.add(registries.publish(org, EventTypes.DEREGISTERED));
        }
        case 2 -> {
          org.abnormal = !org.abnormal;
          events.add(
              registries.publish(
                  org, org.abnormal ? EventTypes.ABNORMAL_LISTED : EventTypes.ABNORMAL_REMOVED));
        }
        case 3 -> {
          org.grade =
              Grade.awarded(1 + random.nextInt(5), LocalDate.now().minusYears(random.nextInt(4)));
          events.add(registries.publish(org, EventTypes.GRADE_AWARDED));
        }
        case 4 -> {
          org.personRef = persons.get(random.nextInt(persons.size()));
          events.add(registries.publish(org, EventTypes.AMENDED));
        }
        default -> {
          org.name = names.get(random.nextInt(names.size()));
          events.add(registries.publish(org, EventTypes.AMENDED));
        }
      }
    }
    applied(events.toArray(UUID[]::new));
    assertThat(count()).as("the stream raised conflicts").isPositive();

    Await.as(cn.yrd.contracts.Roles.AUDITOR, null)
        .post("/api/v1/reconciliation")
        .then()
        .statusCode(200)
        .body("agrees", org.hamcrest.Matchers.is(true))
        .body("missing", org.hamcrest.Matchers.empty())
        .body("unexpected", org.hamcrest.Matchers.empty());
  }

  private static long count() {
    return QuarkusTransaction.requiringNew().call(() -> Conflict.count());
  }
}
