package cn.yrd.registry.api;

import cn.yrd.contracts.registry.InspectionResult;
import cn.yrd.contracts.registry.PenaltyKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization's supervision record: penalties, list entries and annual inspections. */
public record SupervisionView(
    List<PenaltyView> penalties, List<ListingView> listings, List<InspectionView> inspections) {

  public record PenaltyView(
      PenaltyKind kind,
      LocalDate date,
      String decisionNumber,
      String reason,
      BigDecimal fineAmount,
      LocalDate stopUntil) {}

  public record ListingView(
      String list,
      LocalDate listedOn,
      String reasonCode,
      String listedDecision,
      @Schema(
              description =
                  "Where the clean period runs from: the listing, or its latest new serious reason"
                      + " (R-LIST-04)")
          LocalDate periodFrom,
      LocalDate removedOn,
      String removedReason,
      String removedDecision) {}

  public record InspectionView(
      int year, InspectionResult result, LocalDate recordedOn, String decisionNumber) {}
}
