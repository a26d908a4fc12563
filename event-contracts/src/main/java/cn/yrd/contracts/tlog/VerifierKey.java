package cn.yrd.contracts.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key, {@code <name>+<hex key ID>+<base64(type ‖ public key)>}: type
 * {@code 0x01} for a log's Ed25519 note signature, {@code 0x04} for an Ed25519 cosignature/v1.
 */
public record VerifierKey(String name, byte type, byte[] rawKey) {
  public static final byte ED25519 = 0x01;
  public static final byte COSIGNATURE_V1 = 0x04;

  private static final byte[] X509_PREFIX = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");

  public VerifierKey {
    if (name.isEmpty() || name.contains("+") || name.contains(" ") || name.contains("\n")) {
      throw new IllegalArgumentException("not a key name: " + name);
    }
    if ((type != ED25519 && type != COSIGNATURE_V1) || rawKey.length != 32) {
      throw new IllegalArgumentException("not an Ed25519 verifier key of type 1 or 4");
    }
    rawKey = rawKey.clone();
  }

  /** Parses the text form; the key ID must match the name and key. */
  public static VerifierKey parse(String text) {
    String[] parts = text.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is <name>+<hex id>+<base64 key>");
    }
    byte[] typed = Base64.getDecoder().decode(parts[2]);
    if (typed.length != 33) {
      throw new IllegalArgumentException("not an Ed25519 verifier key: " + parts[0]);
    }
    VerifierKey key = new VerifierKey(parts[0], typed[0], Arrays.copyOfRange(typed, 1, 33));
    if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
      throw new IllegalArgumentException("the key ID of " + parts[0] + " does not match its key");
    }
    return key;
  }

  /** The first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key). */
  public byte[] keyId() {
    byte[] name = this.name.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[name.length + 2 + rawKey.length];
    System.arraycopy(name, 0, input, 0, name.length);
    input[name.length] = 0x0A;
    input[name.length + 1] = type;
    System.arraycopy(rawKey, 0, input, name.length + 2, rawKey.length);
    return Arrays.copyOf(ConsistencyProof.sha256(input), 4);
  }

  public PublicKey publicKey() {
    byte[] x509 = Arrays.copyOf(X509_PREFIX, 44);
    System.arraycopy(rawKey, 0, x509, 12, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 32 raw bytes of an Ed25519 public key (the end of its X.509 encoding). */
  public static byte[] raw(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  @Override
  public String toString() {
    byte[] typed = new byte[33];
    typed[0] = type;
    System.arraycopy(rawKey, 0, typed, 1, 32);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId())
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && k.name.equals(name)
        && k.type == type
        && Arrays.equals(k.rawKey, rawKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(rawKey);
  }
}
