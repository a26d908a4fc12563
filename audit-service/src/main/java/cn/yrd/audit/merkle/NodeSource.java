package cn.yrd.audit.merkle;

/**
 * Where the hashes of complete subtrees come from: {@code perfect(level, index)} is the hash of
 * leaves {@code [index·2^level, (index+1)·2^level)}; level 0 is the leaf hashes.
 */
@FunctionalInterface
public interface NodeSource {
  byte[] perfect(int level, long index);
}
