package cn.yrd.audit.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The inclusion verification of RFC 9162 §2.1.3.2, written from the RFC's text with nothing shared
 * with the production code (not even its hash helpers): an independent client-side check of what
 * the audit service serves. Consistency proofs are checked with the witnesses' verifier ({@code
 * cn.yrd.contracts.tlog.ConsistencyProof}), which shares nothing with the audit's tree.
 */
public final class Rfc9162Verifier {
  private Rfc9162Verifier() {}

  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = interior(p, r);
        if ((fn & 1) == 0) {
          do {
            fn >>= 1;
            sn >>= 1;
          } while ((fn & 1) == 0 && fn != 0);
        }
      } else {
        r = interior(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  public static byte[] leafHash(byte[] data) {
    return sha256((byte) 0, data, new byte[0]);
  }

  private static byte[] interior(byte[] left, byte[] right) {
    return sha256((byte) 1, left, right);
  }

  private static byte[] sha256(byte prefix, byte[] a, byte[] b) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(prefix);
      d.update(a);
      d.update(b);
      return d.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
