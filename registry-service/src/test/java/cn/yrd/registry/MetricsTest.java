package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

  private static double metric(String name) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(text);
    assertThat(m.find()).as(name + " exposed").isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void exposesTheOutboxBacklogAndPublishCount() throws InterruptedException {
    double before = metric("yrd_outbox_published_total");
    as(Roles.REGISTRAR).body(registration()).post("/api/v1/registrations").then().statusCode(201);

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (metric("yrd_outbox_published_total") <= before && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(metric("yrd_outbox_published_total")).isGreaterThan(before);
    assertThat(metric("yrd_outbox_backlog")).isGreaterThanOrEqualTo(0);
    assertThat(metric("yrd_outbox_leader")).isEqualTo(1);
  }

  @Test
  void everyMetricOfOursSaysWhatItCounts() {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    List<String> help = text.lines().filter(l -> l.startsWith("# HELP yrd_")).toList();

    assertThat(help).isNotEmpty();
    assertThat(help)
        .as("HELP lines with no text after the name")
        .allSatisfy(l -> assertThat(l.replaceFirst("^# HELP \\S+", "")).isNotBlank());
  }
}
