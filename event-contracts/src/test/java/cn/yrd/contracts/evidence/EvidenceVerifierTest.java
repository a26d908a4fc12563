package cn.yrd.contracts.evidence;

import static cn.yrd.contracts.evidence.EvidenceFixture.EVIDENCE;
import static cn.yrd.contracts.evidence.EvidenceFixture.OTHER_RECOGNITION;
import static cn.yrd.contracts.evidence.EvidenceFixture.RECOGNITION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.tlog.WitnessPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceVerifierTest {
  private final EvidenceFixture log = new EvidenceFixture();
  private final WitnessPolicy policy = WitnessPolicy.parse(log.policy(3));

  @Test
  void holdsForTheEventsOfADecisionWitnessedByAQuorum() {
    EvidenceVerifier.Verdict verdict = verify(log.evidence().text());

    assertThat(verdict.failures()).isEmpty();
    assertThat(verdict.summary().status()).isEqualTo("GRANTED");
    assertThat(verdict.summary().decision()).isEqualTo("cn.yrd.recognition.granted.v1");
    assertThat(verdict.summary().treeSize()).isEqualTo(7);
    assertThat(verdict.summary().cosignedBy()).hasSize(4);
    assertThat(verdict.summary().events())
        .extracting(EvidenceVerifier.Event::index)
        .containsExactly(0L, 2L, 3L, 4L, 6L);
  }

  @Test
  void everyFlippedBitFailsAndTheFailureIsNamed() {
    byte[] file = log.evidence().text().getBytes(StandardCharsets.UTF_8);
    Random random = new Random(39);
    for (int at = 0; at < file.length; at++) {
      byte[] altered = file.clone();
      altered[at] ^= (byte) (1 << random.nextInt(8));
      EvidenceVerifier.Verdict verdict = EvidenceVerifier.verify(altered, policy);
      assertThat(verdict.ok()).as("a bit flipped in byte %d", at).isFalse();
      assertThat(verdict.failures()).allSatisfy(f -> assertThat(f).isNotBlank());
    }
  }

  @Test
  void aChangedEventIsNamedWithItsProof() {
    String text = log.evidence().text();
    String changed = flipInside(text, 2, "extra ");

    assertThat(verify(changed).failures())
        .singleElement()
        .asString()
        .startsWith("proof 2 (index 2) event ")
        .contains("inclusion proof does not lead to the checkpoint's root");
  }

  @Test
  void aChangedSignatureNamesItsSigner() {
    String text = log.evidence().text();
    String logLine = "— " + EvidenceFixture.ORIGIN + " ";
    String jsLine = "— yrd.test/witness/JS ";

    assertThat(verify(flipAfter(text, logLine)).failures())
        .anySatisfy(f -> assertThat(f).contains("by yrd.test/log, is invalid"))
        .anySatisfy(f -> assertThat(f).contains("no valid signature of the log"));
    assertThat(verify(flipAfter(text, jsLine)).failures())
        .anySatisfy(f -> assertThat(f).contains("by yrd.test/witness/JS, is invalid"));
  }

  @Test
  void twoCosignaturesDoNotMeetAQuorumOfThree() {
    RecognitionEvidence evidence = log.evidence(RECOGNITION, EVIDENCE, List.of("SH", "JS"));

    assertThat(verify(evidence.text()).failures())
        .containsExactly(
            "the checkpoint is cosigned by yrd.test/witness/SH, yrd.test/witness/JS; the policy's"
                + " quorum needs 3 of (yrd.test/witness/SH, yrd.test/witness/JS,"
                + " yrd.test/witness/ZJ, yrd.test/witness/AH)");
    assertThat(
            EvidenceVerifier.verify(
                    evidence.text().getBytes(StandardCharsets.UTF_8),
                    WitnessPolicy.parse(log.policy(2)))
                .ok())
        .isTrue();
  }

  @Test
  void aPolicyOfAnotherLogRefusesTheCheckpoint() {
    EvidenceFixture other = new EvidenceFixture();
    EvidenceVerifier.Verdict verdict =
        EvidenceVerifier.verify(
            log.evidence().text().getBytes(StandardCharsets.UTF_8),
            WitnessPolicy.parse(other.policy(3)));

    assertThat(verdict.failures())
        .contains(
            "signature 1 on the checkpoint, by yrd.test/log, is invalid",
            "the checkpoint carries no valid signature of the log yrd.test/log");
  }

  @Test
  void refusesEventsOfAnotherOrganizationOrRecognition() {
    assertThat(
            verify(log.evidence(RECOGNITION, List.of(1, 4, 6), List.of("SH", "JS", "ZJ")).text())
                .failures())
        .singleElement()
        .asString()
        .contains("its subject 51320000MJ0000002F is not the organization 51310000MJ0000001T");
    assertThat(
            verify(log.evidence(RECOGNITION, List.of(4, 5, 6), List.of("SH", "JS", "ZJ")).text())
                .failures())
        .singleElement()
        .asString()
        .contains("it is an event of recognition " + OTHER_RECOGNITION);
  }

  @Test
  void refusesEvidenceThatStopsBeforeTheDecision() {
    assertThat(
            verify(log.evidence(RECOGNITION, List.of(0, 2), List.of("SH", "JS", "ZJ")).text())
                .failures())
        .containsExactly(
            "the last event is not one of recognition "
                + RECOGNITION
                + ": the evidence does not end with its decision");
  }

  @Test
  void readsBackExactlyWhatItWrites() {
    RecognitionEvidence evidence = log.evidence();

    assertThat(RecognitionEvidence.parse(evidence.text()).text()).isEqualTo(evidence.text());
    assertThat(evidence.text())
        .startsWith(
            RecognitionEvidence.HEADER
                + "\nrecognition "
                + RECOGNITION
                + "\nuscc "
                + EvidenceFixture.ORG
                + "\nproofs 5\n\nc2sp.org/tlog-proof@v1\nextra ");
  }

  private EvidenceVerifier.Verdict verify(String text) {
    return EvidenceVerifier.verify(text.getBytes(StandardCharsets.UTF_8), policy);
  }

  /**
   * Flips a bit in the base64 of the {@code proof}-th proof's line that starts with {@code prefix}.
   */
  private static String flipInside(String text, int proof, String prefix) {
    int at = -1;
    for (int i = 0; i < proof; i++) {
      at = text.indexOf("c2sp.org/tlog-proof@v1\n", at + 1);
    }
    int line = text.indexOf("\n" + prefix, at) + 1 + prefix.length();
    return replaceChar(text, line + 10);
  }

  private static String flipAfter(String text, String prefix) {
    return replaceChar(text, text.indexOf(prefix) + prefix.length() + 20);
  }

  /** Swaps one base64 character for another, as a flipped bit in it would. */
  private static String replaceChar(String text, int at) {
    char c = text.charAt(at);
    char other = c == 'A' ? 'B' : 'A';
    return text.substring(0, at) + other + text.substring(at + 1);
  }
}
