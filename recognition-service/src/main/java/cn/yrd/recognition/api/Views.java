package cn.yrd.recognition.api;

import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.RecognitionState;
import cn.yrd.support.paging.CursorPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
}
