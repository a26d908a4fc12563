package cn.yrd.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signed checkpoints in the C2SP tlog-checkpoint / signed-note format: the body is the origin, the
 * tree size and the base64 root hash, one per line; then a blank line and one signature line {@code
 * — <key name> <base64(key ID ‖ Ed25519 signature)>}, the key ID being the first four bytes of
 * SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
public final class Checkpoints {
  private static final byte ED25519 = 0x01;

  private Checkpoints() {}

  public static String body(String origin, long size, byte[] root) {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  public static String sign(String body, String keyName, PrivateKey key, byte[] rawPublicKey) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(body.getBytes(StandardCharsets.UTF_8));
      byte[] signature = signer.sign();
      byte[] tagged = new byte[4 + signature.length];
      System.arraycopy(keyId(keyName, rawPublicKey), 0, tagged, 0, 4);
      System.arraycopy(signature, 0, tagged, 4, signature.length);
      return body + "\n\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(tagged) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the checkpoint", e);
    }
  }

  /** Whether a note carries a valid signature by this key over its body. */
  public static boolean verify(String note, String keyName, PublicKey key, byte[] rawPublicKey) {
    int split = note.indexOf("\n\n");
    if (split < 0) {
      return false;
    }
    String body = note.substring(0, split + 1);
    String prefix = "\u2014 " + keyName + " ";
    for (String line : note.substring(split + 2).split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      byte[] tagged = Base64.getDecoder().decode(line.substring(prefix.length()));
      if (tagged.length != 68
          || !Arrays.equals(Arrays.copyOf(tagged, 4), keyId(keyName, rawPublicKey))) {
        continue;
      }
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(body.getBytes(StandardCharsets.UTF_8));
        if (verifier.verify(Arrays.copyOfRange(tagged, 4, 68))) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
    return false;
  }

  public static byte[] keyId(String keyName, byte[] rawPublicKey) {
    byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[name.length + 2 + rawPublicKey.length];
    System.arraycopy(name, 0, input, 0, name.length);
    input[name.length] = 0x0A;
    input[name.length + 1] = ED25519;
    System.arraycopy(rawPublicKey, 0, input, name.length + 2, rawPublicKey.length);
    return Arrays.copyOf(Hashes.sha256(input), 4);
  }

  /** The C2SP verifier key: {@code <name>+<hex key id>+<base64(0x01 ‖ key)>}. */
  public static String verifierKey(String keyName, byte[] rawPublicKey) {
    byte[] typed = new byte[rawPublicKey.length + 1];
    typed[0] = ED25519;
    System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
    return keyName
        + "+"
        + HexFormat.of().formatHex(keyId(keyName, rawPublicKey))
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }
}
