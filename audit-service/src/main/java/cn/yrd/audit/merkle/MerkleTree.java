package cn.yrd.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 tree heads, inclusion proofs and consistency proofs, computed from stored
 * complete-subtree hashes. Every range the RFC recursion visits is either a complete, aligned
 * subtree (one stored hash) or splits at the largest power of two below its size, so a root or a
 * proof costs O(log n) stored hashes.
 */
public final class MerkleTree {
  private final NodeSource nodes;

  public MerkleTree(NodeSource nodes) {
    this.nodes = nodes;
  }

  /** MTH(D[0:size]). */
  public byte[] root(long size) {
    return size == 0 ? Hashes.EMPTY_ROOT.clone() : hash(0, size);
  }

  /** PATH(m, D[0:size]) of RFC 9162 §2.1.3.1, leaf-side first. */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, proof);
    return proof;
  }

  /** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1. */
  public List<byte[]> consistencyProof(long first, long second) {
    if (first < 0 || first > second) {
      throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
    }
    List<byte[]> proof = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, proof);
    }
    return proof;
  }

  private void path(long m, long lo, long hi, List<byte[]> proof) {
    long n = hi - lo;
    if (n <= 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, lo, lo + k, proof);
      proof.add(hash(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, proof);
      proof.add(hash(lo, lo + k));
    }
  }

  private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> proof) {
    long n = hi - lo;
    if (m == n) {
      if (!complete) {
        proof.add(hash(lo, hi));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, lo, lo + k, complete, proof);
      proof.add(hash(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, proof);
      proof.add(hash(lo, lo + k));
    }
  }

  /** MTH(D[lo:hi]) for a non-empty range the RFC recursion produces. */
  private byte[] hash(long lo, long hi) {
    long n = hi - lo;
    if (Long.bitCount(n) == 1 && lo % n == 0) {
      return nodes.perfect(Long.numberOfTrailingZeros(n), lo / n);
    }
    long k = largestPowerOfTwoBelow(n);
    return Hashes.node(hash(lo, lo + k), hash(lo + k, hi));
  }

  /** The largest power of two strictly below n (n ≥ 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
