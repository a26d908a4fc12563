package cn.yrd.contracts.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WitnessPolicyTest {
  private static final String LOG =
      "yrd.test/log+7ff4db0a+AR1TKw4mz/JRPlOln0QeyNuIg8EmvTaAM0/7jU0YGM5d";
  private static final String W1 = witness("w1");
  private static final String W2 = witness("w2");
  private static final String W3 = witness("w3");

  @Test
  void aGroupIsWitnessedByItsThresholdOfMembers() {
    WitnessPolicy policy =
        WitnessPolicy.parse(
            "# comment\nlog "
                + LOG
                + " https://log.example\n\n  witness a "
                + W1
                + "\nwitness b\t"
                + W2
                + " https://b.example/witness\nwitness c "
                + W3
                + "\ngroup two 2 a b c\ngroup both all two a\nquorum both\n");

    assertThat(policy.logsNamed("yrd.test/log")).hasSize(1);
    assertThat(policy.satisfiedBy(Set.of("a", "b"))).isTrue();
    assertThat(policy.satisfiedBy(Set.of("b", "c"))).as("a is required by both").isFalse();
    assertThat(policy.satisfiedBy(Set.of("a"))).isFalse();
    assertThat(policy.quorumDescription()).isEqualTo("2 of (2 of (a, b, c), a)");
  }

  @Test
  void quorumNoneNeedsNoCosignature() {
    assertThat(WitnessPolicy.parse("log " + LOG + "\nquorum none\n").satisfiedBy(Set.of()))
        .isTrue();
  }

  @Test
  void refusesWhatTheFormatForbids() {
    assertThatThrownBy(() -> WitnessPolicy.parse("log " + LOG + "\n"))
        .hasMessage("the policy has no quorum line");
    assertThatThrownBy(() -> WitnessPolicy.parse("witness a " + W1 + "\ngroup g 1 a b\nquorum g"))
        .hasMessage("policy line 2: b is not an earlier witness or group");
    assertThatThrownBy(() -> WitnessPolicy.parse("witness a " + W1 + "\ngroup g 2 a\nquorum g"))
        .hasMessage("policy line 2: the threshold is all, any or 1 ≤ k ≤ n");
    assertThatThrownBy(() -> WitnessPolicy.parse("witness a " + W1 + "\nquorum a\nquorum a"))
        .hasMessage("policy line 3: a policy has exactly one quorum <name> line");
    assertThatThrownBy(() -> WitnessPolicy.parse("witness a " + W1 + "\nwitness a " + W2))
        .hasMessage("policy line 2: a is already defined");
    assertThatThrownBy(() -> WitnessPolicy.parse("monitor x\nquorum none"))
        .hasMessage("policy line 1: unknown keyword monitor");
  }

  private static String witness(String name) {
    byte[] raw = new byte[32];
    raw[0] = (byte) name.hashCode();
    return new VerifierKey(name, VerifierKey.COSIGNATURE_V1, raw).toString();
  }
}
