package cn.yrd.audit.api;

import cn.yrd.support.paging.CursorPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the audit API. Hashes are base64, as in checkpoints. */
public final class AuditViews {
  private AuditViews() {}

  /**
   * One stored event. Every field that enters the leaf ({@code eventId}, {@code type}, {@code
   * source}, {@code subject}, {@code time}, {@code province}, {@code sequence}, {@code topic},
   * {@code payload}) is served exactly as it was hashed.
   */
  public record EventView(
      long leafIndex,
      UUID eventId,
      String topic,
      int partition,
      long offset,
      String type,
      String source,
      String subject,
      String province,
      Long sequence,
      @Schema(
              format = "date-time",
              example = "2026-12-06T10:00:20.909190Z",
              description =
                  "ce_time exactly as the leaf hashed it: UTC, seconds always, the fraction in"
                      + " groups of three digits (none, 3 or 6), the ISO_INSTANT form")
          String time,
      OffsetDateTime receivedAt,
      String correlationId,
      @Schema(description = "The payload exactly as received (JSON text)") String payload,
      @Schema(description = "SHA-256(0x00 ‖ canonical bytes), base64") String leafHash) {}

  /** A page of events and the cursor for the next one (absent on the last page). */
  public record EventPage(
      List<EventView> items, @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  /** RFC 9162 inclusion proof of one leaf in a signed tree. */
  public record InclusionProof(
      long leafIndex,
      long treeSize,
      @Schema(description = "Sibling hashes from the leaf up, base64") List<String> hashes,
      @Schema(description = "The signed checkpoint whose root the proof leads to")
          String checkpoint) {}

  /** One event and its proof. */
  public record ProvenEvent(EventView event, InclusionProof proof) {}

  /** RFC 9162 consistency proof between two tree sizes. */
  public record ConsistencyProof(
      long first, long second, String firstRoot, String secondRoot, List<String> hashes) {}

  /**
   * The latest published tree head, how to check its signatures, and any checkpoint still waiting.
   */
  public record CheckpointView(
      long treeSize,
      @Schema(description = "Root hash, base64") String rootHash,
      @Schema(description = "The C2SP checkpoint note, signature line included") String note,
      String origin,
      @Schema(description = "Ed25519 public key, base64 of the 32 raw bytes") String publicKey,
      @Schema(
              description =
                  "The same key as a C2SP verifier key: <name>+<hex key id>+<base64(0x01 ‖ key)>")
          String verifierKey,
      OffsetDateTime createdAt,
      @Schema(description = "The witnesses whose cosignatures the note carries")
          List<String> cosignedBy,
      @Schema(description = "Cosignatures a checkpoint needs before it is published") int quorum,
      @Schema(description = "A newer checkpoint not published for want of a quorum, and why")
          Unpublished unpublished) {}

  /** A signed checkpoint that too few witnesses cosigned: who did, who refused and why. */
  public record Unpublished(
      long treeSize, List<String> cosignedBy, int quorum, Map<String, String> refusals) {}
}
