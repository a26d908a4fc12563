package cn.yrd.registry.service.witness;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.tlog.ConsistencyProof;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.contracts.witness.SplitViewDetected;
import cn.yrd.registry.config.WitnessConfig;
import cn.yrd.registry.repository.WitnessAlarm;
import cn.yrd.registry.repository.WitnessedLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * 见证人: the C2SP tlog-witness {@code add-checkpoint} of this province. It cosigns a checkpoint of a
 * log it trusts only if the log proves the checkpoint extends the last one it cosigned, and it
 * records the new size in the same transaction that checked the old one, so no two calls can roll
 * it back. A validly signed checkpoint that contradicts what it cosigned before is evidence of a
 * split view or a rollback: it is refused and raises the alarm.
 */
@ApplicationScoped
public class CheckpointWitness {
  private static final Logger LOG = Logger.getLogger(CheckpointWitness.class);

  @Inject WitnessConfig config;
  @Inject WitnessKey key;
  @Inject MeterRegistry metrics;
  @Inject ObjectMapper json;

  @Transactional
  public WitnessOutcome addCheckpoint(String body) {
    AddCheckpointRequest request = AddCheckpointRequest.parse(body).orElse(null);
    if (request == null) {
      return WitnessOutcome.refused(400, "malformed add-checkpoint request");
    }
    List<VerifierKey> trusted = trustedKeys(request.origin());
    if (trusted.isEmpty()) {
      return WitnessOutcome.refused(404, "unknown log " + request.origin());
    }
    if (trusted.stream().noneMatch(request.checkpoint()::signedBy)) {
      return WitnessOutcome.refused(403, "no valid signature by a key of " + request.origin());
    }
    WitnessedLog seen = locked(request.origin());
    if (request.oldSize() != seen.treeSize) {
      if (request.size() < seen.treeSize) {
        alarm("rollback", request, seen);
      }
      return WitnessOutcome.sizeConflict(seen.treeSize);
    }
    if (request.oldSize() > request.size()) {
      alarm("rollback", request, seen);
      return WitnessOutcome.refused(400, "old size " + request.oldSize() + " > checkpoint size");
    }
    if (request.size() == 0 && !Arrays.equals(request.root(), ConsistencyProof.emptyRoot())) {
      return WitnessOutcome.refused(422, "a tree of size 0 has the empty root");
    }
    if (request.oldSize() == 0) {
      if (!request.proof().isEmpty()) {
        return WitnessOutcome.refused(422, "no proof is needed from size 0");
      }
    } else if (!ConsistencyProof.verify(
        seen.treeSize, request.size(), seen.rootHash, request.root(), request.proof())) {
      alarm("fork", request, seen);
      return WitnessOutcome.refused(
          422, "the checkpoint is not consistent with the one of size " + seen.treeSize);
    }
    seen.treeSize = request.size();
    seen.rootHash = request.root();
    seen.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    String cosignature = request.checkpoint().cosign(key.verifierKey(), key.privateKey(), now());
    seen.note = request.checkpoint().with(List.of(cosignature)).text();
    return WitnessOutcome.cosigned(cosignature);
  }

  /**
   * The latest checkpoint this witness cosigned for the log whose origin hashes (SHA-256, lowercase
   * hex) to {@code originHash}, with its cosignature.
   */
  @Transactional
  public Optional<String> latestByOriginHash(String originHash) {
    return config.logs().orElse(List.of()).stream()
        .map(k -> VerifierKey.parse(k).name())
        .filter(origin -> originHash.equals(sha256Hex(origin)))
        .findFirst()
        .flatMap(origin -> WitnessedLog.<WitnessedLog>findByIdOptional(origin))
        .filter(log -> log.treeSize > 0)
        .map(log -> log.note);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<VerifierKey> trustedKeys(String origin) {
    return config.logs().orElse(List.of()).stream()
        .map(VerifierKey::parse)
        .filter(k -> k.name().equals(origin) && k.type() == VerifierKey.ED25519)
        .toList();
  }

  /** The log's row, locked until the commit; a log never seen is at size 0 with the empty root. */
  private static WitnessedLog locked(String origin) {
    WitnessedLog seen = WitnessedLog.findById(origin, LockModeType.PESSIMISTIC_WRITE);
    if (seen != null) {
      return seen;
    }
    WitnessedLog fresh = new WitnessedLog();
    fresh.origin = origin;
    fresh.treeSize = 0;
    fresh.rootHash = ConsistencyProof.emptyRoot();
    fresh.note = "";
    fresh.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    try {
      Panache.getEntityManager().persist(fresh);
      Panache.getEntityManager().flush();
    } catch (ConstraintViolationException e) {
      // Another call inserted it first; this transaction has failed, and the client retries.
      throw new IllegalStateException("concurrent first checkpoint of " + origin, e);
    }
    return fresh;
  }

  /**
   * Counts, logs and records the split view in this transaction; {@link WitnessAlarmPublisher}
   * publishes it as {@code cn.yrd.audit.split-view-detected} once it has committed.
   */
  private void alarm(String kind, AddCheckpointRequest request, WitnessedLog seen) {
    Counter.builder("yrd.witness.split-view-detected")
        .description(
            "checkpoints this witness refused as a fork or a rollback of a log it cosigned")
        .tags("log", request.origin(), "kind", kind)
        .register(metrics)
        .increment();
    String cosignedRoot = Base64.getEncoder().encodeToString(seen.rootHash);
    String offeredRoot = Base64.getEncoder().encodeToString(request.root());
    LOG.errorf(
        "SPLIT VIEW (%s) of %s: cosigned size %d root %s, offered size %d root %s",
        kind, request.origin(), seen.treeSize, cosignedRoot, request.size(), offeredRoot);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    WitnessAlarm alarm = new WitnessAlarm();
    alarm.eventId = EventIds.next();
    alarm.origin = request.origin();
    alarm.detectedAt = now;
    try {
      alarm.payload =
          json.writeValueAsString(
              new SplitViewDetected(
                  request.origin(),
                  key.verifierKey().name(),
                  kind,
                  seen.treeSize,
                  cosignedRoot,
                  seen.note,
                  request.size(),
                  offeredRoot,
                  request.checkpoint().text(),
                  now));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    alarm.persist();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
