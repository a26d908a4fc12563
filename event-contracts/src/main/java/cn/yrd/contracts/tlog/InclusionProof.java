package cn.yrd.contracts.tlog;

import java.util.List;
import java.util.Optional;

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to from one leaf. */
public final class InclusionProof {
  private InclusionProof() {}

  /** The leaf hash of an entry: SHA-256(0x00 ‖ entry) (RFC 6962 §2.1). */
  public static byte[] leafHash(byte[] entry) {
    byte[] all = new byte[1 + entry.length];
    System.arraycopy(entry, 0, all, 1, entry.length);
    return ConsistencyProof.sha256(all);
  }

  /**
   * The root of the tree of {@code size} leaves that {@code proof} (sibling hashes, leaf side
   * first) leads to from the leaf at {@code index}; empty if the proof has the wrong length.
   */
  public static Optional<byte[]> root(long index, long size, byte[] leafHash, List<byte[]> proof) {
    if (index < 0 || index >= size) {
      return Optional.empty();
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return Optional.empty();
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = ConsistencyProof.interior(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = ConsistencyProof.interior(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 ? Optional.of(r) : Optional.empty();
  }
}
