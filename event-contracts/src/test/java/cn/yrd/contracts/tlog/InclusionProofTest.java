package cn.yrd.contracts.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against paths built by RFC 9162 §2.1.3.1's recursion, for every leaf of every tree up to 20. */
class InclusionProofTest {

  @Test
  void everyTruePathLeadsToTheRootAndAChangedOneDoesNot() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      leaves.add(InclusionProof.leafHash(new byte[] {(byte) i}));
    }
    for (int n = 1; n <= leaves.size(); n++) {
      byte[] root = MerkleFixture.root(leaves, 0, n);
      for (int m = 0; m < n; m++) {
        List<byte[]> path = MerkleFixture.path(m, leaves, 0, n);
        assertThat(InclusionProof.root(m, n, leaves.get(m), path)).get().isEqualTo(root);
        if (!path.isEmpty()) {
          List<byte[]> changed = new ArrayList<>(path);
          byte[] last = changed.get(changed.size() - 1).clone();
          last[0] ^= 1;
          changed.set(changed.size() - 1, last);
          assertThat(InclusionProof.root(m, n, leaves.get(m), changed)).get().isNotEqualTo(root);
        }
        if (n > 1) {
          int other = (m + 1) % n;
          assertThat(InclusionProof.root(other, n, leaves.get(m), path).orElse(new byte[0]))
              .as("leaf %d at index %d of %d", m, other, n)
              .isNotEqualTo(root);
        }
      }
    }
    assertThat(InclusionProof.root(3, 3, leaves.get(0), List.of())).isEmpty();
  }
}
