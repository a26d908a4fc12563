package cn.yrd.contracts.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RFC 9162 §2.1.4.2: whether a tree of one size is a prefix of a larger tree. */
public final class ConsistencyProof {
  private ConsistencyProof() {}

  /** SHA-256 of the empty string: the root of the empty tree (RFC 6962 §2.1). */
  public static byte[] emptyRoot() {
    return sha256(new byte[0]);
  }

  /** Whether {@code proof} shows the tree ({@code first}, {@code firstRoot}) is a prefix. */
  public static boolean verify(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = interior(c, fr);
        sr = interior(c, sr);
        if ((fn & 1) == 0) {
          do {
            fn >>= 1;
            sn >>= 1;
          } while ((fn & 1) == 0 && fn != 0);
        }
      } else {
        sr = interior(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
  }

  /** RFC 6962 §2.1: SHA-256(0x01 ‖ left ‖ right). */
  static byte[] interior(byte[] left, byte[] right) {
    byte[] all = new byte[1 + left.length + right.length];
    all[0] = 1;
    System.arraycopy(left, 0, all, 1, left.length);
    System.arraycopy(right, 0, all, 1 + left.length, right.length);
    return sha256(all);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
