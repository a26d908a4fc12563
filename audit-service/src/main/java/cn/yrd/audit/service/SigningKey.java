package cn.yrd.audit.service;

import cn.yrd.audit.config.AuditConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** The log's Ed25519 key pair, read from configuration or generated on first local start. */
@ApplicationScoped
@Startup
public class SigningKey {
  @Inject AuditConfig config;

  private PrivateKey privateKey;
  private PublicKey publicKey;

  @PostConstruct
  void load() {
    Path privateFile = Path.of(config.signingKey());
    Path publicFile = publicFile(privateFile);
    try {
      if (!Files.exists(privateFile)) {
        if (!config.generateKey()) {
          throw new IllegalStateException(
              "no audit signing key at " + privateFile + " and yrd.audit.generate-key=false");
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      }
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
      publicKey = factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the audit signing key " + privateFile, e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The 32 raw bytes of the Ed25519 public key (the end of its X.509 encoding). */
  public byte[] rawPublicKey() {
    byte[] encoded = publicKey.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  public String keyName() {
    return config.origin();
  }

  static Path publicFile(Path privateFile) {
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
