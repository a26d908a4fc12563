package cn.yrd.contracts.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyEvidenceMainTest {
  @TempDir Path dir;

  private final EvidenceFixture log = new EvidenceFixture();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsTheDecisionAndExitsZeroWhenTheEvidenceHolds() throws Exception {
    int status = run(log.evidence().text(), log.policy(3));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(
            "OK: recognition "
                + EvidenceFixture.RECOGNITION
                + " of "
                + EvidenceFixture.ORG
                + ": GRANTED\n")
        .contains("checkpoint of 7 events, cosigned by yrd.test/witness/SH")
        .contains("#6 2026-12-06T10:00:21Z cn.yrd.recognition.granted.v1");
  }

  @Test
  void listsEachFailureAndExitsOneWhenItDoesNot() throws Exception {
    String tampered =
        log.evidence().text().replace("uscc " + EvidenceFixture.ORG, "uscc 51310000MJ0000009X");

    int status = run(tampered, log.policy(3));

    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("FAILED: ")
        .contains("  proof 1 (index 0) event ")
        .contains("is not the organization 51310000MJ0000009X\n  proof 2 (index 2) event");
  }

  @Test
  void exitsTwoOnAnUnreadablePolicy() throws Exception {
    assertThat(run(log.evidence().text(), "quorum nobody\n")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("policy line 1: the quorum names no earlier witness or group");
    assertThat(
            VerifyEvidenceMain.run(
                new String[] {"only-one-argument"}, new PrintStream(out), new PrintStream(err)))
        .isEqualTo(2);
  }

  private int run(String evidence, String policy) throws Exception {
    Path file = Files.writeString(dir.resolve("r.evidence"), evidence);
    Path policyFile = Files.writeString(dir.resolve("policy"), policy);
    return VerifyEvidenceMain.run(
        new String[] {file.toString(), "--policy", policyFile.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
