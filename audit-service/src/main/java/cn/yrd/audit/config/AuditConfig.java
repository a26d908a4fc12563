package cn.yrd.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
   * The witnesses asked to cosign each checkpoint (C2SP tlog-witness), one per province: each
   * {@code <URL prefix of its add-checkpoint> <its verifier key>}, comma-separated ({@code
   * YRD_AUDIT_WITNESSES}). A witness is named by its key's name.
   */
  Optional<List<String>> witnesses();

  /**
   * How many of the witnesses must cosign a checkpoint before readers see it; 0 publishes without
   * witnesses (tests, a lone development instance).
   */
  @WithDefault("3")
  int witnessQuorum();

  /** How long a witness may take to answer. */
  @WithDefault("PT5S")
  Duration witnessTimeout();

  /** The Kafka consumer group of the audit instances. */
  @WithDefault("audit")
  String consumerGroup();
}
