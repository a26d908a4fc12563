package cn.yrd.registry.service.witness;

import cn.yrd.contracts.tlog.Ed25519KeyFile;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.config.WitnessConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

/** The province's witness key: read at start-up, generated first if allowed and missing. */
@ApplicationScoped
@Startup
public class WitnessKey {
  @Inject WitnessConfig config;
  @Inject RegistryConfig registry;

  private VerifierKey verifierKey;
  private PrivateKey privateKey;

  @PostConstruct
  void load() {
    String province = registry.province().name();
    Path file = Path.of(config.key().orElse(".yrd/keys/witness-" + province + "-ed25519.pem"));
    KeyPair pair = Ed25519KeyFile.load(file, config.generateKey());
    String name = config.name().orElse("yrd.example/witness/" + province);
    verifierKey =
        new VerifierKey(name, VerifierKey.COSIGNATURE_V1, VerifierKey.raw(pair.getPublic()));
    privateKey = pair.getPrivate();
  }

  /** The key readers put in their witness policy: {@code <name>+<id>+<base64(0x04 ‖ key)>}. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  PrivateKey privateKey() {
    return privateKey;
  }
}
