package cn.yrd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.DemoData;
import cn.yrd.local.Federation;
import cn.yrd.local.InfraSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every case of the rulebook passes against the real federation, started here in the test profile
 * (its business clocks movable), and every rule of docs/rules.md has its cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformanceKitTest {
  private static final Path ROOT =
      Path.of(System.getProperty("yrd.root", "..")).toAbsolutePath().normalize();
  private static final Pattern RULE_ROW = Pattern.compile("^\\| (R-[A-Z]+-\\d{2}) \\|");
  private static Federation federation;

  @BeforeAll
  static void start() {
    federation =
        Federation.start(
            new Federation.Options(
                ROOT,
                Path.of("target", "federation-conformance").toAbsolutePath(),
                InfraSettings.forTests(),
                false,
                true));
  }

  @AfterAll
  static void stop() {
    if (federation != null) {
      federation.close();
    }
  }

  @Test
  @Order(1)
  void everyCasePassesAgainstTheFederation() {
    // -Dyrd.conformance.rule=R-LIST-02 plays one rule's cases only.
    String only = System.getProperty("yrd.conformance.rule", "");
    List<Case> cases =
        CaseFile.readAll(ROOT.resolve("conformance/cases")).stream()
            .filter(c -> only.isEmpty() || c.rule().equals(only))
            .toList();
    CaseRunner runner = new CaseRunner(target());
    assertThat(runner.clockMovable()).as("the test profile's clock").isTrue();
    List<Result> results = runner.runAll(cases, System.out::println);
    System.out.println("Conformance: " + Summary.of(results));
    assertThat(results)
        .filteredOn(r -> r.outcome() != Result.Outcome.PASSED)
        .as("cases that did not pass")
        .isEmpty();
  }

  /**
   * A six-year jump of every business clock over a federation loaded with the launcher's demo data
   * leaves no conflict open whose condition no longer holds: the reconciliation, which recomputes
   * every condition from the whole view as of the new date, agrees with the open conflicts.
   */
  @Test
  @Order(2)
  void aSixYearJumpOverTheDemoDataLeavesNothingOpenThatNoLongerHolds() {
    DemoData.load(federation, 2_000, System.out);
    CaseRunner runner = new CaseRunner(target());
    try {
      runner.moveClock(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(6));
      String officer = federation.token(Roles.RECOGNITION_OFFICER, Province.SH);
      String url = federation.url("recognition") + "/api/v1/reconciliation";
      Api api = new Api();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      JsonNode report = api.send("POST", url, officer, null, null).json();
      while (!report.path("agrees").asBoolean() && System.nanoTime() < deadline) {
        sleep();
        report = api.send("POST", url, officer, null, null).json();
      }
      System.out.println("Reconciliation after the six-year jump: " + report);
      assertThat(report.path("agrees").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.path("unexpected"))
          .as("open conflicts whose condition no longer holds")
          .isEmpty();
      assertThat(report.path("missing")).as("conditions that hold without a conflict").isEmpty();
    } finally {
      runner.moveClock(null);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Target target() {
    return new Target() {
      @Override
      public String registryUrl(Province province) {
        return federation.registryUrl(province);
      }

      @Override
      public String recognitionUrl() {
        return federation.url("recognition");
      }

      @Override
      public String token(String role, Province province) {
        return federation.token(role, province);
      }

      @Override
      public Optional<String> kafkaBootstrap() {
        return Optional.of(federation.infrastructure().kafkaBootstrapServers());
      }
    };
  }

  @Test
  @Order(3)
  void everyRuleOfTheRulebookHasThreeCasesPositiveAndNegative() throws IOException {
    Set<String> rules = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/rules.md"))) {
      Matcher m = RULE_ROW.matcher(line);
      if (m.find()) {
        rules.add(m.group(1));
      }
    }
    assertThat(rules).as("rule IDs in docs/rules.md").hasSizeGreaterThan(20);
    Map<String, List<Case>> byRule =
        CaseFile.readAll(ROOT.resolve("conformance/cases")).stream()
            .collect(Collectors.groupingBy(Case::rule));
    assertThat(byRule.keySet()).as("cases name only rules of the rulebook").isSubsetOf(rules);
    for (String rule : rules) {
      List<Case> cases = byRule.getOrDefault(rule, List.of());
      assertThat(cases).as(rule + ": at least 3 cases").hasSizeGreaterThanOrEqualTo(3);
      assertThat(cases).as(rule + ": a positive case").anyMatch(Case::positive);
      assertThat(cases).as(rule + ": a negative case").anyMatch(c -> !c.positive());
    }
  }
}
