package cn.yrd.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** This province's witness of the audit log ({@code yrd.witness.*}, C2SP tlog-witness). */
@ConfigMapping(prefix = "yrd.witness")
public interface WitnessConfig {

  /**
   * The witness's key name in its cosignatures (default {@code yrd.example/witness/<province>}).
   */
  Optional<String> name();

  /**
   * The witness's Ed25519 private key, PKCS#8 PEM, its public key beside it (default {@code
   * .yrd/keys/witness-<province>-ed25519.pem}). The key belongs to the province: keep it with the
   * province's secrets.
   */
  Optional<String> key();

  /** Generate the key pair on first start if the file is missing (local use; never commit it). */
  @WithDefault("true")
  boolean generateKey();

  /**
   * The logs this witness cosigns: the verifier key of each log's checkpoint signer ({@code
   * <origin>+<hex id>+<base64 key>}, as {@code GET /api/v1/checkpoints/latest} of the audit service
   * gives it). A checkpoint from any other origin is refused with 404.
   */
  Optional<List<String>> logs();
}
