package cn.yrd.contracts.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP signed note (a checkpoint): its body, ending in a newline, and its signature lines {@code
 * — <name> <base64(key ID ‖ signature)>}. Checks the log's Ed25519 signature and makes and checks
 * Ed25519 cosignatures (C2SP tlog-cosignature, {@code cosignature/v1}).
 */
public record SignedNote(String body, List<String> signatures) {
  private static final String DASH = "\u2014 ";

  public SignedNote {
    signatures = List.copyOf(signatures);
  }

  /** Parses a note; empty if it has no blank line after a non-empty body. */
  public static Optional<SignedNote> parse(String text) {
    int split = text.indexOf("\n\n");
    if (split <= 0) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.substring(split + 2).split("\n")) {
      if (line.startsWith(DASH)) {
        lines.add(line);
      } else if (!line.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new SignedNote(text.substring(0, split + 1), lines));
  }

  /** The body's lines: origin, size, base64 root, then any extension lines. */
  public List<String> bodyLines() {
    return List.of(body.split("\n"));
  }

  /** The text: body, blank line, signature lines. */
  public String text() {
    return body + "\n" + String.join("\n", signatures) + (signatures.isEmpty() ? "" : "\n");
  }

  /** This note with more signature lines after its own. */
  public SignedNote with(List<String> more) {
    List<String> all = new ArrayList<>(signatures);
    all.addAll(more);
    return new SignedNote(body, all);
  }

  /** Whether one line carries a valid signature by {@code key} (a log key, or a cosigner's). */
  public boolean signedBy(VerifierKey key) {
    return signatures.stream().anyMatch(line -> verify(key, body, line));
  }

  /** The lines of this note signed by {@code key}. */
  public List<String> linesBy(VerifierKey key) {
    return signatures.stream().filter(line -> verify(key, body, line)).toList();
  }

  /** A {@code cosignature/v1} line over this note's body, made now ({@code timestamp}, seconds). */
  public String cosign(VerifierKey key, PrivateKey privateKey, long timestamp) {
    byte[] signature = sign(privateKey, cosigned(body, timestamp));
    ByteBuffer tagged = ByteBuffer.allocate(4 + 8 + signature.length);
    tagged.put(key.keyId()).putLong(timestamp).put(signature);
    return DASH + key.name() + " " + Base64.getEncoder().encodeToString(tagged.array());
  }

  /** A log's Ed25519 signature line over {@code body}. */
  public static String sign(String body, VerifierKey key, PrivateKey privateKey) {
    byte[] signature = sign(privateKey, body.getBytes(StandardCharsets.UTF_8));
    byte[] tagged = new byte[4 + signature.length];
    System.arraycopy(key.keyId(), 0, tagged, 0, 4);
    System.arraycopy(signature, 0, tagged, 4, signature.length);
    return DASH + key.name() + " " + Base64.getEncoder().encodeToString(tagged);
  }

  /** The cosignature's timestamp, if {@code line} is one by {@code key}. */
  public static Optional<Long> cosignatureTime(VerifierKey key, String line) {
    byte[] tagged = tagged(key, line);
    return tagged == null || tagged.length != 76
        ? Optional.empty()
        : Optional.of(ByteBuffer.wrap(tagged, 4, 8).getLong());
  }

  private static boolean verify(VerifierKey key, String body, String line) {
    byte[] tagged = tagged(key, line);
    if (tagged == null) {
      return false;
    }
    byte[] message;
    byte[] signature;
    if (key.type() == VerifierKey.ED25519 && tagged.length == 68) {
      message = body.getBytes(StandardCharsets.UTF_8);
      signature = Arrays.copyOfRange(tagged, 4, 68);
    } else if (key.type() == VerifierKey.COSIGNATURE_V1 && tagged.length == 76) {
      message = cosigned(body, ByteBuffer.wrap(tagged, 4, 8).getLong());
      signature = Arrays.copyOfRange(tagged, 12, 76);
    } else {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key.publicKey());
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The decoded line if it names {@code key} and carries its key ID; null otherwise. */
  private static byte[] tagged(VerifierKey key, String line) {
    String prefix = DASH + key.name() + " ";
    if (!line.startsWith(prefix)) {
      return null;
    }
    byte[] tagged;
    try {
      tagged = Base64.getDecoder().decode(line.substring(prefix.length()).strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    return tagged.length > 4 && Arrays.equals(Arrays.copyOf(tagged, 4), key.keyId())
        ? tagged
        : null;
  }

  private static byte[] cosigned(String body, long timestamp) {
    return ("cosignature/v1\ntime " + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }
}
