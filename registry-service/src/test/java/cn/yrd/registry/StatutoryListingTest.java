package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Roles;
import cn.yrd.registry.service.AnniversaryListings;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.time.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R-LIST-02: the registry moves an organization to the serious list on the 2-year anniversary. */
@QuarkusTest
class StatutoryListingTest {
  private static final String REGISTRATIONS = "/api/v1/registrations/";

  @Inject TestClock clock;
  @Inject AnniversaryListings anniversaries;

  @AfterEach
  void backToTheWallClock() {
    clock.moveTo(null);
  }

  @Test
  void twoFullYearsOnTheAbnormalListBringTheSeriousListOnTheAnniversaryBySystem()
      throws InterruptedException {
    LocalDate today = BusinessTime.today();
    LocalDate listed = today.minusYears(2).plusDays(1);
    Map<String, Object> body = registration();
    String uscc = (String) body.get("uscc");
    as(Roles.REGISTRAR).body(body).post("/api/v1/registrations").then().statusCode(201);
    as(Roles.SUPERVISOR)
        .body(
            Map.of(
                "reasonCode", "ANNUAL_REPORT_MISSING",
                "date", listed.toString(),
                "decisionNumber", "沪民异〔2024〕8号",
                "reason", "未按时提交年度工作报告"))
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(200);

    anniversaries.moveDue(today);
    assertThat(state(uscc).getBoolean("seriousListed")).as("the day before").isFalse();

    LocalDate anniversary = today.plusDays(1);
    clock.moveTo(anniversary);
    anniversaries.moveDue(BusinessTime.today());
    // The registry's own periodic check may be making this very move (then the call above skips
    // the row it holds): wait for its commit.
    JsonPath after = state(uscc);
    for (int i = 0; i < 50 && !after.getBoolean("seriousListed"); i++) {
      Thread.sleep(100);
      after = state(uscc);
    }
    assertThat(after.getBoolean("seriousListed")).as("on the anniversary").isTrue();
    assertThat(after.getBoolean("abnormalListed")).isFalse();

    JsonPath supervision =
        as(Roles.READER).get(REGISTRATIONS + uscc + "/supervision").then().extract().jsonPath();
    assertThat(supervision.getString("listings.find { it.list == 'SERIOUS' }.reasonCode"))
        .isEqualTo("ABNORMAL_LIST_TWO_YEARS");
    assertThat(supervision.getString("listings.find { it.list == 'SERIOUS' }.listedOn"))
        .isEqualTo(anniversary.toString());
    assertThat(supervision.getString("listings.find { it.list == 'ABNORMAL' }.removedOn"))
        .isEqualTo(anniversary.toString());

    List<Map<String, Object>> history =
        as(Roles.READER)
            .get(REGISTRATIONS + uscc + "/history")
            .then()
            .extract()
            .jsonPath()
            .getList("items");
    assertThat(history)
        .filteredOn(h -> EventTypes.SERIOUS_LISTED.equals(h.get("eventType")))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.get("actor")).isEqualTo("system");
              assertThat((String) h.get("reason")).startsWith("R-LIST-02");
            });

    clock.moveTo(anniversary.plusDays(1));
    anniversaries.moveDue(BusinessTime.today());
    assertThat(
            as(Roles.READER)
                .get(REGISTRATIONS + uscc + "/supervision")
                .then()
                .extract()
                .jsonPath()
                .getList("listings"))
        .as("the day after: nothing more")
        .hasSize(2);
  }

  private static JsonPath state(String uscc) {
    return as(Roles.READER).get(REGISTRATIONS + uscc).then().statusCode(200).extract().jsonPath();
  }
}
