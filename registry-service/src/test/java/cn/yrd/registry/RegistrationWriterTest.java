package cn.yrd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.RegistrationWriter;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.registry.repository.RegistrationWriter.Stamped;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** How the registration writer stores a group of registrations in one statement. */
@QuarkusTest
class RegistrationWriterTest {
  private static final int ROWS = 100;
  private static final int ROUNDS = 10;
  private static final String DEADLOCK = "40P01";
  private static final String UNIQUE_VIOLATION = "23505";

  @Inject RegistrationWriter writer;

  /**
   * A group's rows go in in the order of their codes, whatever order they arrived in: two groups
   * that hold some of the same codes then take them in the same order, and one waits for the other
   * instead of both waiting for each other. The outbox numbers rows in the order they went in.
   */
  @Test
  void storesAGroupInTheOrderOfItsCodes() throws SQLException {
    List<Organization> orgs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      orgs.add(organization());
    }
    orgs.sort(Comparator.comparing((Organization org) -> org.uscc).reversed());
    List<String> codes = orgs.stream().map(org -> org.uscc).toList();

    writer.insertTogether(group(orgs));

    List<String> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    OutboxEvent.<OutboxEvent>list("subject in ?1 order by position", codes).stream()
                        .map(event -> event.subject)
                        .toList());
    assertThat(stored).containsExactlyElementsOf(codes.stream().sorted().toList());
  }

  /**
   * Two clients that send the same registrations at the same moment may land in two groups, each
   * holding the codes in its own order. Neither group may wait on the other in a cycle (PostgreSQL
   * would end one after its deadlock timeout, a second late): one stores them, the other meets the
   * stored codes. Whether two such groups overlap at the moment that matters is up to the
   * scheduler, so this catches a deadlock in some rounds only; the test above checks the order.
   */
  @Test
  void groupsHoldingTheSameCodesInOppositeOrdersDoNotDeadlock() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Organization> orgs = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
          orgs.add(organization());
        }
        List<Stamped> forward = group(orgs);
        List<Organization> reversed = new ArrayList<>(orgs);
        Collections.reverse(reversed);
        List<Stamped> backward = group(reversed);

        CountDownLatch start = new CountDownLatch(1);
        Future<Optional<String>> first = pool.submit(() -> storeAfter(start, forward));
        Future<Optional<String>> second = pool.submit(() -> storeAfter(start, backward));
        start.countDown();

        List<Optional<String>> failures = List.of(first.get(), second.get());
        assertThat(failures)
            .as("round %d: one group stored, the other refused for a taken code", round)
            .containsExactlyInAnyOrder(Optional.empty(), Optional.of(UNIQUE_VIOLATION));
        assertThat(failures).doesNotContain(Optional.of(DEADLOCK));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stores the group once {@code start} opens; the failure's SQL state if it was refused. */
  private Optional<String> storeAfter(CountDownLatch start, List<Stamped> group)
      throws InterruptedException {
    start.await();
    try {
      writer.insertTogether(group);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e.getSQLState());
    }
  }

  /** Each client's own registrations of these records, with event ids of their own. */
  private static List<Stamped> group(List<Organization> orgs) {
    OffsetDateTime now = OffsetDateTime.now();
    return orgs.stream()
        .map(
            org ->
                new Stamped(
                    new NewRegistration(
                        org,
                        EventIds.next(),
                        EventTypes.REGISTERED,
                        org.establishmentDate,
                        null,
                        "设立登记",
                        "{\"uscc\":\"" + org.uscc + "\"}",
                        "{}",
                        null),
                    "registrar",
                    now))
        .toList();
  }

  private static Organization organization() {
    Organization org = new Organization();
    org.uscc = Fixtures.newUscc(OrgCategory.SOCIAL_GROUP);
    org.name = "上海市并发" + org.uscc + "协会";
    org.normalizedName = NameNormalizer.normalize(org.name);
    org.category = OrgCategory.SOCIAL_GROUP;
    org.legalRepName = "张伟";
    org.legalRepIdNumber = Fixtures.idNumber(org.uscc.hashCode() & 0xffff);
    org.legalRepPersonRef = "p".repeat(64);
    org.domicile = "上海市浦东新区世纪大道100号";
    org.businessScope = "行业自律";
    org.registeredFunds = BigDecimal.valueOf(100_000);
    org.registrationAuthority = "上海市民政局";
    org.establishmentDate = LocalDate.of(2019, 5, 20);
    org.status = OrgStatus.ACTIVE;
    return org;
  }
}
