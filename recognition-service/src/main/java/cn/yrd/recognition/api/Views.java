package cn.yrd.recognition.api;

import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.RecognitionState;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.support.paging.CursorPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the recognition API. */
public final class Views {
  private Views() {}

  /** One province's record: the state its registry last published. */
  public record ProvinceRecord(
      String province,
      @Schema(description = "The registry's full record state (the event payload's organization)")
          JsonNode state,
      long sequence,
      String lastEventType,
      OffsetDateTime updatedAt) {}

  /** An organization across the four provinces. */
  @Schema(description = "An organization's cross-province view (跨省视图).")
  public record OrganizationView(
      String uscc,
      List<ProvinceRecord> records,
      List<RecognitionState> recognitions,
      List<ConflictState> openConflicts,
      @Schema(
              description =
                  "Per province, the last ce_sequence applied without a gap: how fresh this view is")
          Map<String, Long> asOf) {}

  /** A line of a search result. */
  public record OrganizationSummary(
      String uscc, String province, String name, String category, String status, String grade) {}

  /** One record whose normalized name resembles the one asked for. */
  public record NameMatch(
      OrganizationSummary organization,
      @Schema(
              description =
                  "pg_trgm's similarity of the normalized names, from 0.3 (the least that matches)"
                      + " to 1 (the same)")
          double score) {}

  /** The records whose names resemble one name, the most similar first. */
  public record NameMatches(List<NameMatch> items) {}

  public record SummaryPage(
      List<OrganizationSummary> items,
      long total,
      int page,
      int size,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  /** The records one person represents, a page at a time. */
  public record PersonOrganizationsPage(
      List<OrganizationSummary> items,
      @Schema(description = "Records in all pages") long total,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  /** {@code total} is absent when the caller asked not to count ({@code total=false}). */
  public record ConflictPage(
      List<ConflictState> items,
      Long total,
      int page,
      int size,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  public record RecognitionPage(
      List<RecognitionState> items,
      long total,
      int page,
      int size,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  /** Counts across the delta. */
  @Schema(description = "Statistics (统计) across the delta.")
  public record Statistics(
      @Schema(description = "province → category → status → valid grade (1A-5A or none) → count")
          Map<String, Map<String, Map<String, Map<String, Long>>>> organizations,
      @Schema(description = "province → grade (1A-5A) → count of valid grades")
          Map<String, Map<String, Long>> grades,
      @Schema(description = "Valid 5A grades, by province") Map<String, Long> valid5A,
      @Schema(
              description =
                  "Valid 5A grades of active organizations by city: the first four digits of the"
                      + " division in the code (e.g. 3205 Suzhou), where the code was issued")
          Map<String, Long> valid5AByCity,
      @Schema(description = "open conflicts: type → province pair (e.g. JS-SH) → count")
          Map<String, Map<String, Long>> openConflicts,
      @Schema(
              description =
                  "Consumer lag (消费延迟): registry events on the broker that this recognition"
                      + " instance has not yet applied, over the partitions it holds")
          long consumerLag) {}

  /** How trustworthy one province's data looks from here. */
  public record ProvinceQuality(
      String province,
      long activeRecords,
      long activeWithoutOpenConflict,
      @Schema(description = "Share of active records free of open conflicts, 0-1") double score,
      long contiguousSequence,
      long highestSequence,
      @Schema(description = "Seconds the current sequence gap has been open; 0 if none")
          long gapOpenSeconds,
      OffsetDateTime lastEventAt) {}

  /** The data-quality report: one line per province, always the four, so never paged. */
  @Schema(description = "Data quality (数据质量) per province: one line for each of the four.")
  public record DataQuality(List<ProvinceQuality> items) {}

  /** One line of the change feed (变更订阅). */
  @Schema(
      description =
          "One entry of the change feed, or a heartbeat (kind HEARTBEAT: only position and time)."
              + " Resume after the last position you read, a heartbeat's included.")
  public record FeedItem(
      @Schema(description = "Gap-free position in the feed, from 1") long position,
      @Schema(description = "The entry's id; absent on heartbeats") String id,
      @Schema(enumeration = {"ORGANIZATION", "CONFLICT", "RECOGNITION", "HEARTBEAT"}) String kind,
      @Schema(description = "The CloudEvents type of the event that caused the entry") String type,
      String uscc,
      @Schema(description = "The provinces the entry concerns") List<String> provinces,
      OffsetDateTime time,
      @Schema(
              description =
                  "The new state: a RecordState (ORGANIZATION), a ConflictState or a"
                      + " RecognitionState, as published on yrd.recognition.v1")
          JsonNode data) {}

  /** One province's record in the consolidated view, as the feed and the snapshot send it. */
  @Schema(
      description =
          "One province's record of an organization. Apply it only if its version is newer than the"
              + " one you hold: versions only move forward.")
  public record RecordState(
      String uscc,
      String province,
      long version,
      @Schema(description = "The registry's ce_sequence that brought this version") long sequence,
      String lastEventType,
      OffsetDateTime updatedAt,
      @Schema(
              description =
                  "The registry's event data as published: organization (the full record state)"
                      + " and change (what changed it)")
          JsonNode event) {}

  /** The first line of a snapshot. */
  @Schema(description = "The first line of a snapshot: the feed position it was taken at.")
  public record SnapshotHeader(
      @Schema(description = "Follow the feed from here (after=position)") long position,
      OffsetDateTime takenAt) {}

  /** The answer to a check before registering, level 1 (登记前核查). */
  @Schema(
      description =
          "Level 1 of the check before registering: whether the registration would conflict.")
  public record ClearanceAnswer(
      @Schema(enumeration = {"CLEAR", "WOULD_CONFLICT", "INSUFFICIENT_DATA"}) String outcome,
      @Schema(
              description =
                  "For WOULD_CONFLICT: the answer's id, for its details (level 2) by a registrar of"
                      + " the asking province")
          UUID clearanceId,
      @Schema(description = "What the registration would raise: type, rule and severity")
          List<ClearanceFindingSummary> findings,
      @Schema(
              description =
                  "For INSUFFICIENT_DATA: what kept the check from being complete (a missing"
                      + " field, a province whose events have a gap)")
          List<String> missing) {}

  /** A finding as level 1 gives it: no organizations, no provinces. */
  public record ClearanceFindingSummary(ConflictType type, String ruleId, Severity severity) {}

  /** Level 2: the findings with the organizations they involve. */
  @Schema(
      description = "Level 2 of the check before registering: which provinces and organizations.")
  public record ClearanceDetails(
      UUID clearanceId, String uscc, List<ClearanceFindingDetail> findings) {}

  public record ClearanceFindingDetail(
      ConflictType type,
      String ruleId,
      Severity severity,
      List<String> provinces,
      @Schema(description = "The records involved, the intended registration not included")
          List<OrganizationSummary> organizations) {}

  /** A notification to one province (风险信息预警), with its receipt once acknowledged. */
  @Schema(
      description = "A notification to one province (风险信息预警), and its receipt once acknowledged.")
  public record NotificationView(
      UUID id,
      @Schema(description = "The province it is addressed to") String province,
      @Schema(enumeration = {"CONFLICT_OPENED", "CONFLICT_CLOSED", "RECOGNITION_DECIDED"})
          String kind,
      @Schema(description = "The CloudEvents type of what happened") String type,
      String uscc,
      @Schema(description = "The rulebook's ID (docs/rules.md) behind what happened") String ruleId,
      Severity severity,
      OffsetDateTime createdAt,
      @Schema(description = "Who acknowledged it; absent until then") String acknowledgedBy,
      OffsetDateTime acknowledgedAt,
      @Schema(description = "The conflict's or the recognition's new state") JsonNode data) {}

  /** A province's webhook endpoint; the secret only in the answer that set it. */
  @Schema(description = "A province's webhook endpoint, where its notifications are pushed.")
  public record WebhookEndpointView(
      String province,
      String url,
      @Schema(
              description =
                  "The signing secret (whsec_ and base64 of the HMAC-SHA256 key, Standard"
                      + " Webhooks). Only in the answer to the registration that set it: keep it"
                      + " then.")
          String secret,
      String registeredBy,
      OffsetDateTime registeredAt) {}

  /** One notification pushed to a province's endpoint: its attempts and outcome. */
  @Schema(description = "One notification pushed to a province's webhook endpoint.")
  public record WebhookDeliveryView(
      @Schema(description = "Sent as webhook-id: the same on every attempt and replay") UUID id,
      String province,
      UUID notificationId,
      @Schema(description = "The CloudEvents type of what happened") String type,
      DeliveryStatus status,
      int attempts,
      @Schema(description = "When a PENDING delivery is next tried") OffsetDateTime nextAttemptAt,
      @Schema(description = "Why the last attempt failed") String lastError,
      OffsetDateTime createdAt,
      OffsetDateTime deliveredAt) {}

  public record WebhookDeliveryPage(
      List<WebhookDeliveryView> items,
      @Schema(description = "Deliveries in all pages") long total,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}

  public record NotificationPage(
      List<NotificationView> items,
      @Schema(description = "Notifications in all pages") long total,
      @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
      implements CursorPage {}
}
