package cn.yrd.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Complete-subtree hashes kept in memory, appended leaf by leaf exactly as the database store
 * appends them; the tests check the tree against it.
 */
public final class InMemoryNodes implements NodeSource {
  private final List<List<byte[]>> levels = new ArrayList<>();

  public static InMemoryNodes of(List<byte[]> leafHashes) {
    InMemoryNodes nodes = new InMemoryNodes();
    leafHashes.forEach(nodes::append);
    return nodes;
  }

  /** Adds the next leaf hash and every complete subtree it closes. */
  public void append(byte[] leafHash) {
    put(0, leafHash);
    long size = levels.get(0).size();
    for (int level = 1; size % (1L << level) == 0; level++) {
      List<byte[]> below = levels.get(level - 1);
      int right = below.size() - 1;
      put(level, Hashes.node(below.get(right - 1), below.get(right)));
    }
  }

  public long size() {
    return levels.isEmpty() ? 0 : levels.get(0).size();
  }

  @Override
  public byte[] perfect(int level, long index) {
    return levels.get(level).get((int) index);
  }

  private void put(int level, byte[] hash) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    levels.get(level).add(hash);
  }
}
