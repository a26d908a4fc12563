package cn.yrd.contracts.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An Ed25519 key pair in PEM files: the private key (PKCS#8) at a path, its public key (X.509)
 * beside it as {@code <name>.pub.pem}. Generated on first use when allowed (local runs only).
 */
public final class Ed25519KeyFile {
  private Ed25519KeyFile() {}

  /** Reads the pair at {@code privateFile}; generates it first if missing and {@code generate}. */
  public static KeyPair load(Path privateFile, boolean generate) {
    Path publicFile = publicFile(privateFile);
    try {
      if (!Files.exists(privateFile)) {
        if (!generate) {
          throw new IllegalStateException("no Ed25519 key at " + privateFile);
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path dir = privateFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written aside and moved, so a concurrent reader never sees half a key.
        Path temporary = Files.createTempFile(dir, ".key", ".tmp");
        Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(temporary, privateFile);
      }
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      return new KeyPair(
          factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile)))),
          factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile)))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the Ed25519 key " + privateFile, e);
    }
  }

  public static Path publicFile(Path privateFile) {
    return privateFile.resolveSibling(
        privateFile.getFileName().toString().replace(".pem", "") + ".pub.pem");
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
