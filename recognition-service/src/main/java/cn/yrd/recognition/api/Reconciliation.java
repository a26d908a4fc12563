package cn.yrd.recognition.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the W3C Entity Reconciliation Service API, version 0.2 (what OpenRefine speaks).
 */
public final class Reconciliation {
  private Reconciliation() {}

  /** What the service reconciles to, and how to show an entity. */
  @Schema(description = "The service manifest (Reconciliation Service API 0.2)")
  public record Manifest(
      List<String> versions,
      String name,
      String identifierSpace,
      String schemaSpace,
      List<Type> defaultTypes,
      View view) {}

  /** A type of entity. */
  public record Type(String id, String name) {}

  /** Where a person sees an entity: {@code {{id}}} is replaced by its identifier. */
  public record View(String url) {}

  /** One candidate for a query. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Candidate(
      @Schema(description = "The organization's USCC") String id,
      String name,
      List<Type> type,
      @Schema(description = "Name similarity × 100: 100 is the same normalized name") double score,
      @Schema(description = "True only for one candidate with the very same normalized name")
          boolean match,
      @Schema(description = "The provinces that registered it, and its status there")
          String description) {}

  /** The candidates for one query, the best first. */
  public record Result(List<Candidate> result) {}
}
