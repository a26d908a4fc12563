package cn.yrd.recognition.rest;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.api.OfficerNote;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.conflict.ConflictService;
import cn.yrd.recognition.service.view.ViewQueries;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.problem.RequestedUscc;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 冲突: the conflict queue and what officers do with it. */
@Path("/api/v1/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conflicts", description = "冲突: list, read, acknowledge, resolve, dismiss")
@SecurityRequirement(name = "bearer")
public class ConflictResource {
  @Inject ViewQueries queries;
  @Inject ConflictService conflicts;
  @Inject Caller caller;

  @GET
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(summary = "List conflicts", description = "Filters combine with AND; newest first.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = Views.ConflictPage.class)))
  public Views.ConflictPage listConflicts(
      @QueryParam("type") ConflictType type,
      @QueryParam("severity") Severity severity,
      @QueryParam("status") ConflictStatus status,
      @QueryParam("province") Province province,
      @QueryParam("uscc") String uscc,
      @BeanParam PageParams pageParams,
      @Parameter(
              description =
                  "false: leave out the total, which counts every matching conflict; for clients"
                      + " that poll the newest page")
          @QueryParam("total")
          @DefaultValue("true")
          boolean total) {
    Paging paging = pageParams.paging();
    return queries.conflicts(
        type,
        severity,
        status,
        province,
        RequestedUscc.inQuery("uscc", uscc),
        paging.page(),
        paging.size(),
        total);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(summary = "One conflict with its evidence")
  @APIResponse(
      responseCode = "200",
      description = "The conflict",
      content = @Content(schema = @Schema(implementation = ConflictState.class)))
  public ConflictState getConflict(@PathParam("id") UUID id) {
    return conflicts.read(id);
  }

  @POST
  @Path("/{id}/acknowledge")
  @RolesAllowed(ApiRoles.OFFICER)
  @Operation(summary = "Acknowledge (the involved registries have been notified)")
  @APIResponse(
      responseCode = "200",
      description = "Acknowledged",
      content = @Content(schema = @Schema(implementation = ConflictState.class)))
  public ConflictState acknowledgeConflict(@PathParam("id") UUID id, OfficerNote note) {
    return conflicts.acknowledge(id, text(note), caller.info());
  }

  @POST
  @Path("/{id}/resolve")
  @RolesAllowed(ApiRoles.OFFICER)
  @Operation(
      summary = "Resolve",
      description = "Not raised again for the same organizations unless the evidence changes.")
  @APIResponse(
      responseCode = "200",
      description = "Resolved",
      content = @Content(schema = @Schema(implementation = ConflictState.class)))
  public ConflictState resolveConflict(@PathParam("id") UUID id, OfficerNote note) {
    return conflicts.close(id, ConflictStatus.RESOLVED, text(note), caller.info());
  }

  @POST
  @Path("/{id}/dismiss")
  @RolesAllowed(ApiRoles.OFFICER)
  @Operation(
      summary = "Dismiss as not a real conflict",
      description = "Not raised again for the same organizations unless the evidence changes.")
  @APIResponse(
      responseCode = "200",
      description = "Dismissed",
      content = @Content(schema = @Schema(implementation = ConflictState.class)))
  public ConflictState dismissConflict(@PathParam("id") UUID id, OfficerNote note) {
    return conflicts.close(id, ConflictStatus.DISMISSED, text(note), caller.info());
  }

  private static String text(OfficerNote note) {
    if (note == null) {
      throw ProblemException.field("note", "is required");
    }
    return note.note();
  }
}
