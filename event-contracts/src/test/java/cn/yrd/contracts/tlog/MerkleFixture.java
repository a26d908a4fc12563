package cn.yrd.contracts.tlog;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1.1 and §2.1.3.1 written out by their recursions: roots and inclusion paths. */
public final class MerkleFixture {
  private MerkleFixture() {}

  /** MTH(D[from:to]) over leaf hashes. */
  public static byte[] root(List<byte[]> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(to - from - 1);
    return ConsistencyProof.interior(root(leaves, from, from + k), root(leaves, from + k, to));
  }

  /** PATH(m, D[from:to]): the sibling hashes from leaf m up. */
  public static List<byte[]> path(int m, List<byte[]> leaves, int from, int to) {
    List<byte[]> out = new ArrayList<>();
    if (to - from == 1) {
      return out;
    }
    int k = Integer.highestOneBit(to - from - 1);
    if (m < k) {
      out.addAll(path(m, leaves, from, from + k));
      out.add(root(leaves, from + k, to));
    } else {
      out.addAll(path(m - k, leaves, from + k, to));
      out.add(root(leaves, from, from + k));
    }
    return out;
  }
}
