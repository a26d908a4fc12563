package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Topics;
import cn.yrd.contracts.tlog.Ed25519KeyFile;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.VerifierKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The province's witness (C2SP tlog-witness add-checkpoint) against a log signed in the test. */
@QuarkusTest
class WitnessTest {
  private static final KeyPair LOG_KEY =
      Ed25519KeyFile.load(Path.of("src/test/resources/witness/test-log-ed25519.pem"), false);
  private static final VerifierKey LOG =
      new VerifierKey("yrd.test/log", VerifierKey.ED25519, VerifierKey.raw(LOG_KEY.getPublic()));

  @Inject AgroalDataSource dataSource;

  private long started;

  /** The test log starts afresh: the database may keep what an earlier run cosigned. */
  @BeforeEach
  void forgetTheTestLog() throws Exception {
    started = System.currentTimeMillis();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM witnessed_log WHERE origin = 'yrd.test/log'");
    }
  }

  @Test
  void cosignsAGrowingLogAndRefusesAForkOrARollbackRaisingTheAlarm() throws Exception {
    TestLog log = new TestLog("a");
    TestLog fork = new TestLog("b");
    VerifierKey witness = VerifierKey.parse(given().get("/witness/key").asString());

    addCheckpoint(0, List.of(), log.checkpoint(3)).then().statusCode(200);
    Response grown = addCheckpoint(3, log.proof(3, 8), log.checkpoint(8));
    grown.then().statusCode(200);
    SignedNote cosigned = SignedNote.parse(log.checkpoint(8)).orElseThrow().with(lines(grown));
    assertThat(cosigned.signedBy(witness)).isTrue();
    assertThat(SignedNote.cosignatureTime(witness, lines(grown).get(0)).orElseThrow())
        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));

    // A fork at the same size, then a fork that claims to extend it: refused, 422.
    addCheckpoint(8, List.of(), fork.checkpoint(8)).then().statusCode(422);
    addCheckpoint(8, fork.proof(8, 12), fork.checkpoint(12)).then().statusCode(422);
    // A client that does not know the witness's size learns it: 409 with the size.
    addCheckpoint(3, fork.proof(3, 12), fork.checkpoint(12))
        .then()
        .statusCode(409)
        .contentType("text/x.tlog.size")
        .body(is("8\n"));
    // A rollback to a smaller tree: refused.
    addCheckpoint(8, List.of(), log.checkpoint(6)).then().statusCode(400);
    assertThat(given().get("/q/metrics").asString())
        .contains("yrd_witness_split_view_detected_total{kind=\"fork\",log=\"yrd.test/log\"} 2.0")
        .contains(
            "yrd_witness_split_view_detected_total{kind=\"rollback\",log=\"yrd.test/log\"} 1.0");

    assertThat(splitViewAlarms())
        .as("cn.yrd.audit.split-view-detected on yrd.witness.v1")
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(
            payload ->
                assertThat(payload)
                    .contains("\"log\":\"yrd.test/log\"")
                    .contains("\"cosignedSize\":8")
                    .contains("\"witness\":\"" + witness.name() + "\""));

    // The log keeps growing from what the witness cosigned.
    addCheckpoint(8, log.proof(8, 13), log.checkpoint(13)).then().statusCode(200);
    given()
        .get("/witness/" + sha256Hex("yrd.test/log") + "/checkpoint")
        .then()
        .statusCode(200)
        .body(containsString("yrd.test/log\n13\n"))
        .body(containsString("\u2014 " + witness.name() + " "));

    addCheckpoint(0, List.of(), new TestLog("c", "yrd.other/log").checkpoint(2))
        .then()
        .statusCode(404);
    String unsigned =
        log.checkpoint(14).replaceAll("\u2014 .*\n", "\u2014 yrd.test/log AAAAAAAA\n");
    addCheckpoint(13, log.proof(13, 14), unsigned).then().statusCode(403);
    given()
        .body("old 01\n\n" + log.checkpoint(14))
        .post("/witness/add-checkpoint")
        .then()
        .statusCode(400);
    given().body("nonsense").post("/witness/add-checkpoint").then().statusCode(400);
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  /** The split-view alarms about the test log published since the test began (waits for 3). */
  private List<String> splitViewAlarms() throws InterruptedException {
    List<String> alarms = List.of();
    for (int attempt = 0; attempt < 20 && alarms.size() < 3; attempt++) {
      Thread.sleep(attempt == 0 ? 0 : 1000);
      alarms =
          PublishedEvents.readAll(bootstrapServers, 3, List.of(Topics.WITNESS)).stream()
              .filter(
                  r -> EventTypes.SPLIT_VIEW_DETECTED.equals(PublishedEvents.header(r, "ce_type")))
              .filter(r -> r.timestamp() >= started && "yrd.test/log".equals(r.key()))
              .map(ConsumerRecord::value)
              .toList();
    }
    return alarms;
  }

  private static Response addCheckpoint(long old, List<byte[]> proof, String checkpoint) {
    StringBuilder body = new StringBuilder("old ").append(old).append('\n');
    proof.forEach(h -> body.append(Base64.getEncoder().encodeToString(h)).append('\n'));
    body.append('\n').append(checkpoint);
    return given()
        .contentType("text/plain")
        .body(body.toString().getBytes(StandardCharsets.UTF_8))
        .post("/witness/add-checkpoint");
  }

  private static List<String> lines(Response response) {
    return List.of(response.asString().split("\n"));
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A log whose leaves are derived from a seed; its checkpoints signed with the test log key. */
  private static final class TestLog {
    private final String seed;
    private final String origin;

    TestLog(String seed) {
      this(seed, "yrd.test/log");
    }

    TestLog(String seed, String origin) {
      this.seed = seed + System.nanoTime();
      this.origin = origin;
    }

    String checkpoint(int size) throws Exception {
      String body =
          origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(mth(0, size)) + "\n";
      VerifierKey key = new VerifierKey(origin, VerifierKey.ED25519, LOG.rawKey());
      return body + "\n" + SignedNote.sign(body, key, LOG_KEY.getPrivate()) + "\n";
    }

    /** RFC 9162 §2.1.4.1: PROOF(m, D[n]). */
    List<byte[]> proof(int m, int n) throws Exception {
      return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean complete) throws Exception {
      List<byte[]> out = new ArrayList<>();
      if (m == to - from) {
        if (!complete) {
          out.add(mth(from, to));
        }
        return out;
      }
      int k = Integer.highestOneBit(to - from - 1);
      if (m <= k) {
        out.addAll(subproof(m, from, from + k, complete));
        out.add(mth(from + k, to));
      } else {
        out.addAll(subproof(m - k, from + k, to, false));
        out.add(mth(from, from + k));
      }
      return out;
    }

    private byte[] mth(int from, int to) throws Exception {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (to - from == 1) {
        sha.update((byte) 0);
        return sha.digest((seed + ":" + from).getBytes(StandardCharsets.UTF_8));
      }
      int k = Integer.highestOneBit(to - from - 1);
      sha.update((byte) 1);
      sha.update(mth(from, from + k));
      return sha.digest(mth(from + k, to));
    }
  }
}
