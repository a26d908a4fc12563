package cn.yrd.contracts.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
  private static final String BODY = "yrd.example/audit\n5\n" + b64(new byte[32]) + "\n";

  @Test
  void aCosignatureVerifiesWithItsKeyAndTimestampAndWithNoOtherKey() throws Exception {
    KeyPair log = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    VerifierKey logKey =
        new VerifierKey("yrd.example/audit", VerifierKey.ED25519, VerifierKey.raw(log.getPublic()));
    VerifierKey witnessKey =
        new VerifierKey(
            "yrd.example/witness/SH",
            VerifierKey.COSIGNATURE_V1,
            VerifierKey.raw(witness.getPublic()));
    SignedNote note =
        new SignedNote(BODY, List.of(SignedNote.sign(BODY, logKey, log.getPrivate())));

    String cosignature = note.cosign(witnessKey, witness.getPrivate(), 1_700_000_000L);
    SignedNote cosigned = note.with(List.of(cosignature));

    assertThat(SignedNote.parse(cosigned.text())).contains(cosigned);
    assertThat(cosigned.signedBy(logKey)).isTrue();
    assertThat(cosigned.signedBy(witnessKey)).isTrue();
    assertThat(SignedNote.cosignatureTime(witnessKey, cosignature)).contains(1_700_000_000L);
    VerifierKey sameKeyAsLogSignature =
        new VerifierKey(
            "yrd.example/witness/SH", VerifierKey.ED25519, VerifierKey.raw(witness.getPublic()));
    assertThat(cosigned.signedBy(sameKeyAsLogSignature)).isFalse();
    String forkedBody = BODY.replace("\n5\n", "\n6\n");
    assertThat(new SignedNote(forkedBody, cosigned.signatures()).signedBy(witnessKey)).isFalse();
    assertThat(new SignedNote(forkedBody, cosigned.signatures()).signedBy(logKey)).isFalse();
  }

  @Test
  void verifierKeysRoundTripAndRefuseAWrongKeyId() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    VerifierKey key =
        new VerifierKey(
            "w.example/x", VerifierKey.COSIGNATURE_V1, VerifierKey.raw(pair.getPublic()));
    assertThat(VerifierKey.parse(key.toString())).isEqualTo(key);
    String[] parts = key.toString().split("\\+", 3);
    String wrongId = parts[0] + "+00000000+" + parts[2];
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VerifierKey.parse(wrongId))
        .hasMessageContaining("key ID");
  }

  @Test
  void parsesOnlyNotesWithABodyAndSignatureLines() {
    assertThat(SignedNote.parse("no blank line\n")).isEmpty();
    assertThat(SignedNote.parse(BODY + "\nnot a signature\n")).isEmpty();
    assertThat(SignedNote.parse(BODY + "\n\u2014 k abcd\n").orElseThrow().bodyLines()).hasSize(3);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
