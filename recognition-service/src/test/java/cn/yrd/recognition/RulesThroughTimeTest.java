package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.event.EventParser;
import cn.yrd.recognition.service.EventProcessor;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.time.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conflicts whose truth a date changes, with no event at all (docs/rules.md). */
@QuarkusTest
class RulesThroughTimeTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "yrd.recognition.periodic-check-interval")
  Duration periodicCheck;

  @Inject TestClock clock;
  @Inject EntityManager entities;
  @Inject ScopeEvaluator scopes;
  @Inject EventProcessor processor;

  @AfterEach
  void backToTheWallClock() {
    clock.moveTo(null);
    // The next test starts from a settled calendar, not from the day this one moved to.
    LocalDate today = BusinessTime.today();
    Await.until(
        () -> today.equals(evaluatedThrough()), "the date-driven rules to return to " + today);
  }

  @Test
  void aBarResolvesOnTheDayItEndsWithReasonBarEnded() {
    LocalDate today = BusinessTime.today();
    Registries.Org revoked = Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市撤销" + today);
    revoked.status = OrgStatus.REVOKED;
    revoked.revoked = today.minusYears(5).plusDays(2);
    Registries.Org active = Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省在册" + today);
    active.personRef = revoked.personRef;
    try (Registries registries = new Registries(bootstrapServers)) {
      applied(
          registries.publish(revoked, EventTypes.REVOKED),
          registries.publish(active, EventTypes.REGISTERED));
    }
    assertThat(conflict(active.uscc, "LEGAL_REP_BARRED"))
        .map(c -> c.get("status"))
        .hasValue("OPEN");

    moveTo(today.plusDays(1));
    assertThat(conflict(active.uscc, "LEGAL_REP_BARRED"))
        .map(c -> c.get("status"))
        .hasValue("OPEN");

    moveTo(today.plusDays(2));
    Map<String, Object> resolved = conflict(active.uscc, "LEGAL_REP_BARRED").orElseThrow();
    assertThat(resolved)
        .containsEntry("status", "RESOLVED")
        .containsEntry("resolution", "AUTO")
        .containsEntry("resolutionReason", "BAR_ENDED")
        .containsEntry("ruleId", "R-CONFLICT-06");
  }

  @Test
  void aListedOrganizationsGradeConflictResolvesOnTheExpiryDay() {
    LocalDate today = BusinessTime.today();
    Registries.Org listed = Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省评级" + today);
    listed.grade = new Grade(4, today.minusYears(5).plusDays(1), today.plusDays(1));
    listed.abnormal = true;
    try (Registries registries = new Registries(bootstrapServers)) {
      applied(registries.publish(listed, EventTypes.ABNORMAL_LISTED));
    }
    assertThat(conflict(listed.uscc, "SANCTION_RATING")).map(c -> c.get("status")).hasValue("OPEN");

    moveTo(today.plusDays(1));
    assertThat(conflict(listed.uscc, "SANCTION_RATING").orElseThrow())
        .containsEntry("status", "RESOLVED")
        .containsEntry("resolutionReason", "GRADE_EXPIRED");
    assertThat(
            as(Roles.RECOGNITION_OFFICER, Province.SH)
                .post("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getBoolean("agrees"))
        .isTrue();
  }

  @Test
  void aDismissalLastsOnlyUntilItsConditionStopsHolding() {
    String shCode;
    try (Registries registries = new Registries(bootstrapServers)) {
      String name = "上海市复发" + System.nanoTime();
      Registries.Collision collision = dismissedCollision(registries, name);
      shCode = collision.sh().uscc;
      collision.zj().businessScopeTouch();
      applied(registries.publish(collision.zj(), EventTypes.AMENDED));
      assertThat(Await.openTypes(shCode)).doesNotContain("NAME_COLLISION");

      collision.zj().name = name + "（已更名）";
      applied(registries.publish(collision.zj(), EventTypes.AMENDED));
      collision.zj().name = name;
      applied(registries.publish(collision.zj(), EventTypes.AMENDED));
    }
    assertThat(Await.openTypes(shCode)).contains("NAME_COLLISION");
  }

  /**
   * The same, when the rename and its reversal reach recognition in one batch: the condition
   * stopped holding between them, so the dismissal lapses although the batch ends where it began.
   */
  @Test
  void aDismissalLapsesWhenTheConditionStopsAndReturnsWithinOneBatch() throws Exception {
    String shCode;
    try (Registries registries = new Registries(bootstrapServers)) {
      String name = "上海市同批复发" + System.nanoTime();
      Registries.Collision collision = dismissedCollision(registries, name);
      shCode = collision.sh().uscc;
      Registries.Org zj = collision.zj();
      zj.name = name + "（已更名）";
      ProducerRecord<String, byte[]> renamed = Registries.unsent(zj, EventTypes.AMENDED, CHANGE);
      zj.name = name;
      ProducerRecord<String, byte[]> renamedBack =
          Registries.unsent(zj, EventTypes.AMENDED, CHANGE);
      EventParser parser = new EventParser(Registries.JSON);
      processor.applyAll(
          List.of(parser.parse(consumed(renamed, 0)), parser.parse(consumed(renamedBack, 1))));
    }
    assertThat(Await.openTypes(shCode)).contains("NAME_COLLISION");
  }

  /** Two records of one name in SH and ZJ, whose NAME_COLLISION an SH officer has dismissed. */
  private static Registries.Collision dismissedCollision(Registries registries, String name) {
    Registries.Collision collision = registries.collideNames(name);
    String id = (String) conflict(collision.sh().uscc, "NAME_COLLISION").orElseThrow().get("id");
    as(Roles.RECOGNITION_OFFICER, Province.SH)
        .body(Map.of("note", "两家不同机构"))
        .post("/api/v1/conflicts/" + id + "/dismiss")
        .then()
        .statusCode(200);
    return collision;
  }

  private static final Change CHANGE = Change.simple(LocalDate.of(2026, 1, 1), null, "更名");

  /** A record as a consumer reads it, at an offset of its own far past what Kafka holds. */
  private static ConsumerRecord<String, byte[]> consumed(
      ProducerRecord<String, byte[]> sent, long n) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(sent.topic(), 0, 1_000_000_000L + n, sent.key(), sent.value());
    sent.headers().forEach(h -> record.headers().add(h));
    return record;
  }

  /**
   * An evaluation that judged as of the old day (an event consumed just before midnight) commits
   * before the new day's run picks the scopes to evaluate again; otherwise a conflict it raised on
   * the eve of a bar's end would stay open past it.
   */
  @Test
  void theNewDaysRunWaitsForAnEvaluationStillJudgingTheOldDay() throws Exception {
    LocalDate today = BusinessTime.today();
    Await.until(() -> today.equals(evaluatedThrough()), "a calendar settled on " + today);
    LocalDate tomorrow = today.plusDays(1);
    Registries.Org judged = Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省前夜");
    CountDownLatch judging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService consumer = Executors.newSingleThreadExecutor();
    try {
      Future<?> evaluation =
          consumer.submit(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () -> {
                            scopes.organization(Uscc.parse(judged.uscc));
                            judging.countDown();
                            awaitQuietly(release);
                          }));
      assertThat(judging.await(30, TimeUnit.SECONDS)).isTrue();
      clock.moveTo(tomorrow);
      Thread.sleep(periodicCheck.multipliedBy(3).toMillis());
      assertThat(evaluatedThrough())
          .as("the day's run while an evaluation is in flight")
          .isNotEqualTo(tomorrow);
      release.countDown();
      evaluation.get(30, TimeUnit.SECONDS);
      moveTo(tomorrow);
    } finally {
      release.countDown();
      consumer.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Object evaluatedThrough() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entities
                    .createNativeQuery("SELECT evaluated_through FROM rule_calendar WHERE id = 1")
                    .getResultStream()
                    .findFirst()
                    .orElse(null));
  }

  /** Moves the business date and waits until the date-driven rules have caught up to it. */
  private void moveTo(LocalDate day) {
    clock.moveTo(day);
    Await.until(() -> day.equals(evaluatedThrough()), "the date-driven rules to reach " + day);
  }

  private static Optional<Map<String, Object>> conflict(String uscc, String type) {
    List<Map<String, Object>> items =
        Await.auditor()
            .queryParam("uscc", uscc)
            .queryParam("type", type)
            .get("/api/v1/conflicts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream().findFirst();
  }
}
