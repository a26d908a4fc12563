package cn.yrd.recognition.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.RecognitionState;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.recognition.api.ManualDecision;
import cn.yrd.recognition.api.RecognitionRequest;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.recognition.RecognitionService;
import cn.yrd.recognition.service.view.ViewQueries;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 登记互认: requests, automatic and manual decisions. */
@Path("/api/v1/recognitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recognitions", description = "登记互认: request, read, list, decide")
@SecurityRequirement(name = "bearer")
public class RecognitionResource {
  @Inject RecognitionService recognitions;
  @Inject ViewQueries queries;
  @Inject Caller caller;

  @POST
  @RolesAllowed({ApiRoles.OFFICER, ApiRoles.REGISTRAR})
  @Operation(
      summary = "Request recognition in a host province",
      description =
          "Decided at once: REJECTED, PENDING_REVIEW or GRANTED, with machine-readable reasons. Filed by a recognition officer of the host province or a registrar of the home province.")
  @APIResponse(
      responseCode = "201",
      description = "Decided; Location names the request",
      headers = {
        @Header(
            name = "Location",
            description = "The request's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
      },
      content = @Content(schema = @Schema(implementation = RecognitionState.class)))
  @APIResponse(
      responseCode = "409",
      description = "A live recognition of that scope already exists",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response requestRecognition(RecognitionRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ProblemException.field("", "a request body is required");
    }
    RecognitionState created = recognitions.request(request, caller.info());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
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
  @Operation(summary = "One recognition request")
  @APIResponse(
      responseCode = "200",
      description = "The request and its decision",
      content = @Content(schema = @Schema(implementation = RecognitionState.class)))
  public RecognitionState getRecognition(@PathParam("id") UUID id) {
    return recognitions.read(id);
  }

  @GET
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary = "List recognition requests",
      description = "By host, home and status; newest first.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = Views.RecognitionPage.class)))
  public Views.RecognitionPage listRecognitions(
      @QueryParam("host") Province host,
      @QueryParam("home") Province home,
      @QueryParam("status") RecognitionStatus status,
      @BeanParam PageParams pageParams) {
    Paging paging = pageParams.paging();
    return queries.recognitions(host, home, status, paging.page(), paging.size());
  }

  @POST
  @Path("/{id}/decision")
  @RolesAllowed(ApiRoles.OFFICER)
  @Operation(
      summary = "Decide a request pending review",
      description = "By a recognition officer of the host province.")
  @APIResponse(
      responseCode = "200",
      description = "Decided",
      content = @Content(schema = @Schema(implementation = RecognitionState.class)))
  public RecognitionState decideRecognition(@PathParam("id") UUID id, ManualDecision decision) {
    return recognitions.decide(id, decision, caller.info());
  }
}
