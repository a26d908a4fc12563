package cn.yrd.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 §2.1 hashing: leaves with prefix 0x00, interior nodes with 0x01. */
public final class Hashes {
  // Looking the algorithm up costs more than hashing a small leaf: one digest per thread.
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  /** SHA-256 of the empty string: the root of an empty tree. */
  public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

  private Hashes() {}

  /** The leaf hash of the concatenation of {@code parts}, without concatenating them. */
  public static byte[] leaf(byte[]... parts) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  public static byte[] sha256(byte[] data) {
    return sha256().digest(data);
  }

  private static MessageDigest sha256() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }
}
