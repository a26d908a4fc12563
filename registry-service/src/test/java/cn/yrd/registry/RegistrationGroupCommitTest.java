package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.postAllAtOnce;
import static cn.yrd.registry.Fixtures.registration;
import static cn.yrd.registry.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Roles;
import cn.yrd.registry.repository.HistoryEntry;
import cn.yrd.support.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Registrations that arrive together are stored by one statement; a clash inside such a group must
 * still give every client the answer its own registration deserves.
 */
@QuarkusTest
class RegistrationGroupCommitTest {
  private static final String REGISTRATIONS = "/api/v1/registrations";
  private static final int DISTINCT = 12;
  private static final int MAX_ROUNDS = 5;

  @Test
  void concurrentRegistrationsAreGroupedAndEachGetsItsOwnAnswer() throws Exception {
    Map<String, Object> holder = registration();
    as(Roles.REGISTRAR).body(holder).post(REGISTRATIONS).then().statusCode(201);

    double sharedBefore = rowsBeyondOnePerStatement();
    for (int round = 0;
        round < MAX_ROUNDS && rowsBeyondOnePerStatement() <= sharedBefore;
        round++) {
      sendRoundWithClashes(holder.get("name"));
    }
    assertThat(rowsBeyondOnePerStatement())
        .as("some statement stored more than one registration")
        .isGreaterThan(sharedBefore);
  }

  /**
   * Sends every one of {@link #DISTINCT} new registrations twice at once, plus as many new codes
   * under a name already taken, and checks each answer and what was stored.
   */
  private void sendRoundWithClashes(Object takenName) throws Exception {
    List<Map<String, Object>> bodies = new ArrayList<>();
    List<Map<String, Object>> fresh = new ArrayList<>();
    for (int i = 0; i < DISTINCT; i++) {
      Map<String, Object> body = registration();
      fresh.add(body);
      bodies.add(body);
      bodies.add(new HashMap<>(body));
      bodies.add(with(registration(), "name", takenName));
    }
    List<Integer> statuses = postAllAtOnce(REGISTRATIONS, bodies);

    for (int i = 0; i < DISTINCT; i++) {
      String uscc = (String) fresh.get(i).get("uscc");
      List<Integer> twice = List.of(statuses.get(3 * i), statuses.get(3 * i + 1));
      assertThat(twice).as("the two registrations of " + uscc).containsExactlyInAnyOrder(201, 409);
      assertThat(statuses.get(3 * i + 2)).as("a new code under a taken name").isEqualTo(422);
      assertThat(storedOnce(uscc))
          .as(uscc + " stored with one history entry and one event")
          .isTrue();
      String refused = (String) bodies.get(3 * i + 2).get("uscc");
      as(Roles.REGISTRAR).get(REGISTRATIONS + "/" + refused).then().statusCode(404);
    }
  }

  private static boolean storedOnce(String uscc) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> HistoryEntry.count("uscc", uscc) == 1 && OutboxEvent.count("subject", uscc) == 1);
  }

  /** Rows stored minus statements that stored them: above zero once any statement shared. */
  private static double rowsBeyondOnePerStatement() {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metric(text, "sum") - metric(text, "count");
  }

  private static double metric(String text, String suffix) {
    Matcher m =
        Pattern.compile(
                "(?m)^yrd_registry_group_commit_rows_" + suffix + "(?:\\{[^}]*})? ([0-9.E+-]+)$")
            .matcher(text);
    assertThat(m.find()).as("group-commit rows " + suffix + " exposed").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
