package cn.yrd.recognition;

import static cn.yrd.recognition.Await.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Operators see how far the consumers are behind the broker: a gauge per partition, and a total.
 */
@QuarkusTest
class ConsumerLagMetricTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void reportsTheLagOfEveryPartitionItHoldsAndTheTotalInTheStatistics() throws Exception {
    try (Registries registries = new Registries(bootstrapServers)) {
      for (int i = 0; i < 20; i++) {
        registries.publish(
            Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省滞后测试" + i),
            EventTypes.REGISTERED);
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> lagLines = List.of();
    long total = -1;
    while (System.nanoTime() < deadline) {
      lagLines =
          given()
              .get("/q/metrics")
              .then()
              .statusCode(200)
              .extract()
              .asString()
              .lines()
              .filter(l -> l.startsWith("yrd_consumer_lag{"))
              .toList();
      total =
          as(Roles.READER, Province.ZJ)
              .get("/api/v1/statistics")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getLong("consumerLag");
      if (!lagLines.isEmpty() && total == 0) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(lagLines)
        .as("a lag gauge per partition of the registration topic")
        .anySatisfy(
            l ->
                assertThat(l).contains("topic=\"" + Topics.REGISTRATION + "\"").contains("group="));
    assertThat(total).as("nothing left to apply once the consumers caught up").isZero();
    String text = given().get("/q/metrics").then().extract().asString();
    assertThat(text).contains("# HELP yrd_consumer_lag records on the partition");
  }
}
