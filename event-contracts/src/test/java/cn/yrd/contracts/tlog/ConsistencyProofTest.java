package cn.yrd.contracts.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against proofs built here by RFC 9162 §2.1.4.1's recursion (SUBPROOF), for every m < n ≤ 20. */
class ConsistencyProofTest {

  @Test
  void acceptsEveryTrueProofAndRefusesAChangedRootOrHash() throws Exception {
    byte[][] leaves = new byte[20][];
    for (int i = 0; i < leaves.length; i++) {
      leaves[i] = hash(new byte[] {0, (byte) i});
    }
    for (int n = 1; n <= leaves.length; n++) {
      for (int m = 1; m < n; m++) {
        List<byte[]> proof = subproof(m, leaves, 0, n, true);
        byte[] oldRoot = mth(leaves, 0, m);
        byte[] newRoot = mth(leaves, 0, n);
        assertThat(ConsistencyProof.verify(m, n, oldRoot, newRoot, proof))
            .as("%d→%d", m, n)
            .isTrue();
        byte[] forked = oldRoot.clone();
        forked[0] ^= 1;
        assertThat(ConsistencyProof.verify(m, n, forked, newRoot, proof)).isFalse();
        assertThat(ConsistencyProof.verify(n, m, newRoot, oldRoot, proof)).isFalse();
        if (!proof.isEmpty()) {
          List<byte[]> changed = new ArrayList<>(proof);
          byte[] first = changed.get(0).clone();
          first[31] ^= 1;
          changed.set(0, first);
          assertThat(ConsistencyProof.verify(m, n, oldRoot, newRoot, changed)).isFalse();
        }
      }
    }
    assertThat(ConsistencyProof.verify(0, 5, ConsistencyProof.emptyRoot(), new byte[32], List.of()))
        .isTrue();
  }

  private static List<byte[]> subproof(int m, byte[][] d, int from, int to, boolean complete)
      throws Exception {
    int n = to - from;
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!complete) {
        out.add(mth(d, from, to));
      }
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      out.addAll(subproof(m, d, from, from + k, complete));
      out.add(mth(d, from + k, to));
    } else {
      out.addAll(subproof(m - k, d, from + k, to, false));
      out.add(mth(d, from, from + k));
    }
    return out;
  }

  private static byte[] mth(byte[][] d, int from, int to) throws Exception {
    if (to - from == 1) {
      return d[from];
    }
    int k = Integer.highestOneBit(to - from - 1);
    byte[] left = mth(d, from, from + k);
    byte[] right = mth(d, from + k, to);
    byte[] all = new byte[65];
    all[0] = 1;
    System.arraycopy(left, 0, all, 1, 32);
    System.arraycopy(right, 0, all, 33, 32);
    return hash(all);
  }

  private static byte[] hash(byte[] bytes) throws Exception {
    return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), 32);
  }
}
