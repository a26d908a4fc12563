package cn.yrd.contracts.witness;

import java.time.OffsetDateTime;

/**
 * 分叉告警: the payload of {@code cn.yrd.audit.split-view-detected}. A witness was shown a validly
 * signed checkpoint that contradicts the one it cosigned; both are in the event, so anyone can
 * check the contradiction with the log's key.
 *
 * @param log the log's origin
 * @param witness the witness's key name
 * @param kind {@code fork} (another tree at or past the cosigned size) or {@code rollback} (a
 *     smaller tree)
 * @param cosignedCheckpoint the checkpoint the witness had cosigned, with its signatures
 * @param offeredCheckpoint the contradicting checkpoint, as offered
 */
public record SplitViewDetected(
    String log,
    String witness,
    String kind,
    long cosignedSize,
    String cosignedRoot,
    String cosignedCheckpoint,
    long offeredSize,
    String offeredRoot,
    String offeredCheckpoint,
    OffsetDateTime detectedAt) {}
