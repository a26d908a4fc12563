package cn.yrd.recognition.rest;

import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.RegistryConsumerLag;
import cn.yrd.recognition.service.conflict.Reconciler;
import cn.yrd.recognition.service.view.ViewQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 统计与数据质量: counts across the delta, per-province data quality, and the reconciliation run. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "统计、数据质量、对账")
@SecurityRequirement(name = "bearer")
public class StatisticsResource {
  @Inject ViewQueries queries;
  @Inject Reconciler reconciler;
  @Inject RegistryConsumerLag consumerLag;

  @GET
  @Path("/statistics")
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary =
          "Counts by province, category, status and grade; valid 5A; open conflicts by type and province pair")
  @APIResponse(
      responseCode = "200",
      description = "The statistics",
      content = @Content(schema = @Schema(implementation = Views.Statistics.class)))
  public Views.Statistics getStatistics() {
    return queries.statistics(consumerLag.total());
  }

  @GET
  @Path("/data-quality")
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary = "Data-quality score per province",
      description = "Share of active records free of open conflicts, and event lag.")
  @APIResponse(
      responseCode = "200",
      description = "One line per province",
      content = @Content(schema = @Schema(implementation = Views.DataQuality.class)))
  public Views.DataQuality getDataQuality() {
    return new Views.DataQuality(queries.dataQuality());
  }

  @POST
  @Path("/reconciliation")
  @RolesAllowed({ApiRoles.OFFICER, ApiRoles.AUDITOR})
  @Operation(
      summary = "Run a reconciliation (对账)",
      description =
          "Recomputes every conflict from the whole view and reports where the open conflicts differ. Changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The differences; agrees is true when there are none",
      content = @Content(schema = @Schema(implementation = Reconciler.Report.class)))
  public Reconciler.Report runReconciliation() {
    return reconciler.run();
  }
}
