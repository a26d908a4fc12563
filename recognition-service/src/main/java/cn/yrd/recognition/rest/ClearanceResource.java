package cn.yrd.recognition.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.recognition.api.ClearanceRequest;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.clearance.ClearanceService;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 登记前核查: a registry asks before it registers, in two levels (BRIS's disqualified directors). */
@Path("/api/v1/clearance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clearance", description = "登记前核查")
@SecurityRequirement(name = "bearer")
public class ClearanceResource {
  @Inject ClearanceService clearances;
  @Inject Caller caller;

  @POST
  @RolesAllowed(ApiRoles.REGISTRAR)
  @Operation(
      summary = "Check an intended registration (登记前核查, level 1)",
      description =
          "Would registering this organization in the caller's province raise a conflict? CLEAR,"
              + " WOULD_CONFLICT with each finding's rule and severity (no organizations, no"
              + " provinces), or INSUFFICIENT_DATA with what kept the check from being complete."
              + " Judged by the same rules as real records (docs/rules.md); nothing is stored for a"
              + " CLEAR answer.")
  @APIResponse(
      responseCode = "200",
      description = "The answer",
      content = @Content(schema = @Schema(implementation = Views.ClearanceAnswer.class)))
  public Views.ClearanceAnswer checkClearance(ClearanceRequest request) {
    return clearances.check(request, caller.info());
  }

  @GET
  @Path("/{clearanceId}/details")
  @RolesAllowed(ApiRoles.REGISTRAR)
  @Operation(
      summary = "Read the details of a conflicting answer (level 2)",
      description =
          "Which provinces and which organizations. Only a registrar of the province that asked,"
              + " and only for a WOULD_CONFLICT answer; every call is published"
              + " (cn.yrd.recognition.clearance-disclosed.v1) and kept in the audit log.")
  @APIResponse(
      responseCode = "200",
      description = "The findings with the organizations they involve",
      content = @Content(schema = @Schema(implementation = Views.ClearanceDetails.class)))
  @APIResponse(
      responseCode = "404",
      description = "No conflicting answer has this id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Views.ClearanceDetails readClearanceDetails(
      @PathParam("clearanceId")
          @Parameter(
              description = "The clearanceId of a WOULD_CONFLICT answer",
              example = "01a24f3c-7e2a-7c1d-9a41-2f0e8d3b6a10")
          UUID clearanceId) {
    return clearances.details(clearanceId, caller.info());
  }
}
