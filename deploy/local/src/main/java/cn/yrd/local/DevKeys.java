package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development token-signing key pair: generated on first use into a folder (never committed),
 * read back afterwards. Services verify tokens with {@link #publicKeyFile()}.
 */
public final class DevKeys {
  private final Path dir;

  private DevKeys(Path dir) {
    this.dir = dir;
  }

  /** Loads the key pair in {@code dir}, generating it first if it is not there. */
  public static synchronized DevKeys in(Path dir) {
    DevKeys keys = new DevKeys(dir);
    if (!Files.exists(keys.privateKeyFile()) || !Files.exists(keys.publicKeyFile())) {
      keys.generate();
    }
    return keys;
  }

  public Path publicKeyFile() {
    return dir.resolve("jwt-public.pem");
  }

  public Path privateKeyFile() {
    return dir.resolve("jwt-private.pem");
  }

  public RSAPrivateKey privateKey() {
    try {
      byte[] der = Base64.getMimeDecoder().decode(stripPem(Files.readString(privateKeyFile())));
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read " + privateKeyFile(), e);
    }
  }

  private void generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(dir);
      Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String stripPem(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }
}
