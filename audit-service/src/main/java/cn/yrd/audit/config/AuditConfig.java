package cn.yrd.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the audit service ({@code yrd.audit.*}). */
@ConfigMapping(prefix = "yrd.audit")
public interface AuditConfig {

  /** The log's origin line in every checkpoint, and the signing key's name. */
  @WithDefault("yrd.example/audit")
  String origin();

  /** The Ed25519 signing key (PKCS#8 PEM); its public key is written beside it. */
  @WithDefault(".yrd/keys/audit-ed25519.pem")
  String signingKey();

  /** Generate the key pair on first start if the file is missing (local use; never commit it). */
  @WithDefault("true")
  boolean generateKey();

  /** A checkpoint after this many new events… */
  @WithDefault("1000")
  int checkpointEvery();

  /** …or after this long, whichever comes first (if anything was added). */
  @WithDefault("PT10S")
  Duration checkpointInterval();

  /**
   * The witnesses asked to cosign each checkpoint, by name ({@code yrd.audit.witnesses.<name>.url}
   * and {@code .key}): C2SP tlog-witness, one per province.
   */
  Map<String, Witness> witnesses();

  /**
   * How many of the witnesses must cosign a checkpoint before readers see it; 0 publishes without
   * witnesses (tests, a lone development instance).
   */
  @WithDefault("3")
  int witnessQuorum();

  /** How long a witness may take to answer. */
  @WithDefault("PT5S")
  Duration witnessTimeout();

  /** A witness: where its add-checkpoint is and the key its cosignatures verify with. */
  interface Witness {
    /** The submission prefix; {@code <url>/add-checkpoint} is called. */
    String url();

    /** Its verifier key, {@code <name>+<hex id>+<base64(0x04 ‖ key)>}. */
    String key();
  }

  /** The Kafka consumer group of the audit instances. */
  @WithDefault("audit")
  String consumerGroup();
}
