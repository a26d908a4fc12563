package cn.yrd.registry.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.registry.api.DecisionRequest;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.api.SupervisionRequests.DowngradeRequest;
import cn.yrd.registry.api.SupervisionRequests.GradeRequest;
import cn.yrd.registry.api.SupervisionRequests.InspectionRequest;
import cn.yrd.registry.api.SupervisionRequests.ListingRequest;
import cn.yrd.registry.api.SupervisionRequests.PenaltyRequest;
import cn.yrd.registry.api.SupervisionView;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.service.AccessPolicy;
import cn.yrd.registry.service.RegistrationQueries;
import cn.yrd.registry.service.RegistrationService;
import cn.yrd.registry.service.SupervisionService;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.Caller;
import cn.yrd.support.security.CallerInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 监管: supervision records of one organization; each write returns the record after it. */
@Path("/api/v1/registrations/{uscc}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Supervision",
    description = "监管: penalties, abnormal and serious lists, annual inspections, grades")
@SecurityRequirement(name = "bearer")
@APIResponse(
    responseCode = "200",
    description = "Recorded; the organization as it now stands",
    headers = {
      @Header(
          name = "ETag",
          description = "The record's version, to send back in If-Match",
          schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
    },
    content = @Content(schema = @Schema(implementation = OrganizationView.class)))
public class SupervisionResource {
  @Inject SupervisionService supervision;
  @Inject RegistrationService registrations;
  @Inject RegistrationQueries queries;
  @Inject RegistryConfig config;
  @Inject Caller caller;

  @POST
  @Path("/penalties")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Impose an administrative penalty (行政处罚)",
      description =
          "CERTIFICATE_REVOCATION makes the organization REVOKED. The listing the law attaches to"
              + " the penalty is recorded with it (R-LIST-03): a fine of 50,000 CNY or more, an"
              + " order to stop activities, a revocation, or a second warning or small fine within"
              + " three years brings the serious list; a first warning or small fine the"
              + " abnormal list.")
  public Response recordPenalty(@PathParam("uscc") String uscc, PenaltyRequest request) {
    return write(request, who -> supervision.imposePenalty(PathCodes.of(uscc), request, who));
  }

  @POST
  @Path("/abnormal-list")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Put on the abnormal-activity list (列入活动异常名录)",
      description = "reasonCode is an AbnormalListReason.")
  public Response addToAbnormalList(@PathParam("uscc") String uscc, ListingRequest request) {
    return write(
        request, who -> supervision.putOnList(PathCodes.of(uscc), ListKind.ABNORMAL, request, who));
  }

  @POST
  @Path("/abnormal-list/removal")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(summary = "Remove from the abnormal-activity list (移出活动异常名录)")
  public Response removeFromAbnormalList(@PathParam("uscc") String uscc, DecisionRequest decision) {
    return write(
        decision,
        who -> supervision.removeFromList(PathCodes.of(uscc), ListKind.ABNORMAL, decision, who));
  }

  @POST
  @Path("/serious-list")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Put on the serious-violation list (列入严重违法失信名单)",
      description =
          "reasonCode is a SeriousListReason; a reason that rests on a penalty needs that penalty"
              + " on record (R-LIST-01). A new reason while listed restarts the clean period.")
  public Response addToSeriousList(@PathParam("uscc") String uscc, ListingRequest request) {
    return write(
        request, who -> supervision.putOnList(PathCodes.of(uscc), ListKind.SERIOUS, request, who));
  }

  @POST
  @Path("/serious-list/removal")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Remove from the serious-violation list (移出严重违法失信名单)",
      description =
          "Only after the configured clean years (default 2) without a new serious reason or"
              + " penalty; a revoked organization only after deregistration (R-LIST-04).")
  public Response removeFromSeriousList(@PathParam("uscc") String uscc, DecisionRequest decision) {
    return write(
        decision,
        who -> supervision.removeFromList(PathCodes.of(uscc), ListKind.SERIOUS, decision, who));
  }

  @POST
  @Path("/annual-inspections")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(summary = "Record an annual inspection result (年检)")
  @APIResponse(
      responseCode = "409",
      description = "That year is already recorded",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response recordAnnualInspection(
      @PathParam("uscc") String uscc, InspectionRequest request) {
    return write(request, who -> supervision.recordInspection(PathCodes.of(uscc), request, who));
  }

  @POST
  @Path("/grade")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Award a grade (评估等级)",
      description =
          "Valid five years from the award (R-GRADE-01). Refused while on either list, within a"
              + " year of a penalty, or when last year's annual inspection is missing or"
              + " unqualified (R-GRADE-02).")
  public Response awardGrade(@PathParam("uscc") String uscc, GradeRequest request) {
    return write(request, who -> supervision.awardGrade(PathCodes.of(uscc), request, who));
  }

  @POST
  @Path("/grade/downgrade")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(
      summary = "Downgrade the grade (降低等级)",
      description = "To a lower level; the grade keeps its original expiry (R-GRADE-03).")
  public Response downgradeGrade(@PathParam("uscc") String uscc, DowngradeRequest request) {
    return write(request, who -> supervision.downgradeGrade(PathCodes.of(uscc), request, who));
  }

  @POST
  @Path("/grade/withdrawal")
  @RolesAllowed(Roles.SUPERVISOR)
  @Operation(summary = "Withdraw the grade (取消等级); it ends at once (R-GRADE-03)")
  public Response withdrawGrade(@PathParam("uscc") String uscc, DecisionRequest decision) {
    return write(decision, who -> supervision.withdrawGrade(PathCodes.of(uscc), decision, who));
  }

  @GET
  @Path("/supervision")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.SUPERVISOR,
    Roles.READER,
    Roles.AUDITOR,
    Roles.RECOGNITION_OFFICER
  })
  @Operation(
      summary = "An organization's supervision record",
      description = "Penalties, list entries and inspections, newest first.")
  @APIResponse(
      responseCode = "200",
      description = "The supervision record",
      content = @Content(schema = @Schema(implementation = SupervisionView.class)))
  public SupervisionView getSupervisionRecord(@PathParam("uscc") String uscc) {
    new AccessPolicy(config.province()).requireRead(caller.info());
    Uscc code = PathCodes.of(uscc);
    registrations.read(code, caller.info());
    return queries.supervision(code);
  }

  private interface Write {
    OrganizationView apply(CallerInfo caller);
  }

  private Response write(Object body, Write action) {
    CallerInfo who = caller.info();
    AccessPolicy policy = new AccessPolicy(config.province());
    policy.requireSupervisionWrite(who);
    if (body == null) {
      throw ProblemException.field("", "a request body is required");
    }
    OrganizationView view = action.apply(who);
    return Response.ok(view).tag(Long.toString(view.version())).build();
  }
}
