package cn.yrd.audit.service;

import cn.yrd.audit.config.AuditConfig;
import cn.yrd.contracts.tlog.Ed25519KeyFile;
import cn.yrd.contracts.tlog.VerifierKey;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

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
    if (!Files.exists(privateFile) && !config.generateKey()) {
      throw new IllegalStateException(
          "no audit signing key at " + privateFile + " and yrd.audit.generate-key=false");
    }
    KeyPair pair = Ed25519KeyFile.load(privateFile, config.generateKey());
    privateKey = pair.getPrivate();
    publicKey = pair.getPublic();
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The 32 raw bytes of the Ed25519 public key (the end of its X.509 encoding). */
  public byte[] rawPublicKey() {
    return VerifierKey.raw(publicKey);
  }

  /** The log's verifier key, as witnesses and readers configure it. */
  public VerifierKey verifierKey() {
    return new VerifierKey(keyName(), VerifierKey.ED25519, rawPublicKey());
  }

  public String keyName() {
    return config.origin();
  }
}
