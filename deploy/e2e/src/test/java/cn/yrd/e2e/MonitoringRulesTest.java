package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alert rules and the Grafana dashboard of {@code deploy/monitoring} load, and every
 * metric they query is one a service registers (read from the services' sources, so a renamed
 * metric breaks this test rather than silently emptying a panel or an alert).
 */
class MonitoringRulesTest {
  private static final Path ROOT = Path.of(System.getProperty("yrd.root", "../.."));
  private static final Path MONITORING = ROOT.resolve("deploy/monitoring");
  private static final Pattern METER =
      Pattern.compile("(Counter|Gauge|Timer)\\.builder\\(\\s*\"(yrd\\.[^\"]+)\"");
  private static final Pattern QUERIED = Pattern.compile("\\byrd_[a-z_]+");

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertRuleLoadsAndQueriesMetricsTheServicesExpose() throws IOException {
    Map<String, Object> file =
        new Yaml().load(Files.readString(MONITORING.resolve("alert-rules.yml")));
    List<Map<String, Object>> rules =
        ((List<Map<String, Object>>) file.get("groups"))
            .stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
    Set<String> exposed = exposedMetrics();
    Set<String> alerts = new HashSet<>();
    for (Map<String, Object> rule : rules) {
      String name = (String) rule.get("alert");
      alerts.add(name);
      assertThat(rule).as(name).containsKeys("expr", "labels", "annotations");
      assertThat((Map<String, Object>) rule.get("labels")).as(name).containsKey("severity");
      assertThat((Map<String, Object>) rule.get("annotations")).as(name).containsKey("summary");
      assertThat(queried((String) rule.get("expr"))).as(name).isNotEmpty().isSubsetOf(exposed);
    }
    assertThat(alerts)
        .contains(
            "OutboxBacklogGrowing",
            "ConsumerLagHigh",
            "OpenHighConflicts",
            "WitnessSplitViewDetected");
  }

  @Test
  void everyDashboardPanelQueriesMetricsTheServicesExpose() throws IOException {
    JsonNode dashboard =
        new ObjectMapper().readTree(MONITORING.resolve("grafana/yrd-federation.json").toFile());
    assertThat(dashboard.path("uid").asText()).isEqualTo("yrd-federation");
    Set<String> exposed = exposedMetrics();
    assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(6);
    for (JsonNode panel : dashboard.path("panels")) {
      String title = panel.path("title").asText();
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(queried(target.path("expr").asText()))
            .as(title)
            .isNotEmpty()
            .isSubsetOf(exposed);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusLoadsTheRulesAndScrapesEveryService() throws IOException {
    Map<String, Object> config =
        new Yaml().load(Files.readString(MONITORING.resolve("prometheus.yml")));
    assertThat((List<String>) config.get("rule_files"))
        .containsExactly("/etc/prometheus/alert-rules.yml");
    String targets = new Yaml().dump(config.get("scrape_configs"));
    for (String service :
        List.of(
            "registry-sh", "registry-js", "registry-zj", "registry-ah", "recognition", "audit")) {
      assertThat(targets).contains(service + ":8080");
    }
    assertThat(Files.readString(ROOT.resolve("deploy/compose/docker-compose.yml")))
        .contains("../monitoring/alert-rules.yml:/etc/prometheus/alert-rules.yml");
  }

  private static Set<String> queried(String expr) {
    Set<String> names = new HashSet<>();
    Matcher m = QUERIED.matcher(expr);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  /** Prometheus names of the meters the services register (Micrometer's naming convention). */
  private static Set<String> exposedMetrics() throws IOException {
    Set<String> names = new HashSet<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(ROOT)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("src" + java.io.File.separator + "main"))
              .toList();
    }
    for (Path source : sources) {
      Matcher m = METER.matcher(Files.readString(source));
      while (m.find()) {
        String base = m.group(2).replace('.', '_').replace('-', '_');
        switch (m.group(1)) {
          case "Counter" -> names.add(base + "_total");
          case "Timer" ->
              names.addAll(
                  List.of(base + "_seconds", base + "_seconds_count", base + "_seconds_sum"));
          default -> names.add(base);
        }
      }
    }
    return names;
  }
}
