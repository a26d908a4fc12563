package cn.yrd.registry.rest;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.registry.api.AmendmentRequest;
import cn.yrd.registry.api.DecisionRequest;
import cn.yrd.registry.api.HistoryPage;
import cn.yrd.registry.api.OrganizationPage;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.registry.api.TextLimits;
import cn.yrd.registry.api.TransferOutRequest;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.service.AccessPolicy;
import cn.yrd.registry.service.RegistrationQueries;
import cn.yrd.registry.service.RegistrationService;
import cn.yrd.support.paging.PageCursor;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.Caller;
import cn.yrd.support.security.CallerInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 登记: the province's register of social organizations. */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "登记: register, read, search, amend, deregister, revoke")
@SecurityRequirement(name = "bearer")
public class RegistrationResource {
  private static final String WRITE = Roles.REGISTRAR;

  @Inject RegistrationService registrations;
  @Inject RegistrationQueries queries;
  @Inject RegistryConfig config;
  @Inject Caller caller;

  @POST
  @RolesAllowed(WRITE)
  @Operation(summary = "Register an organization (设立登记)")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the record; warnings list anything worth a look",
      headers = {
        @Header(
            name = "Location",
            description = "The new record's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The USCC or the normalized name is already registered here; or (REFUSE_HIGH) the check"
              + " before registering found the registration would raise a HIGH conflict",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CompletionStage<Response> registerOrganization(
      RegistrationRequest request, @Context UriInfo uri, @Context HttpHeaders http) {
    CallerInfo who = caller.info();
    policy().requireRegistrationWrite(who);
    if (request == null) {
      throw ProblemException.field("", "a registration body is required");
    }
    UriBuilder location = uri.getAbsolutePathBuilder();
    return registrations
        .register(request, who, http.getHeaderString(HttpHeaders.AUTHORIZATION))
        .thenApply(
            view ->
                Response.created(location.path(view.uscc()).build())
                    .tag(Long.toString(view.version()))
                    .entity(view)
                    .build());
  }

  @GET
  @Path("/{uscc}")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.SUPERVISOR,
    Roles.READER,
    Roles.AUDITOR,
    Roles.RECOGNITION_OFFICER
  })
  @Operation(summary = "Read one registration record")
  @APIResponse(
      responseCode = "200",
      description = "The record; ETag is its version",
      headers = {
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the version")
  public Response getRegistration(
      @PathParam("uscc") @Parameter(example = "51310115000004212C") String uscc,
      @HeaderParam("If-None-Match")
          @Parameter(description = "The ETag you hold; the record is sent only if it changed")
          String ifNoneMatch) {
    CallerInfo who = caller.info();
    policy().requireRead(who);
    OrganizationView view = registrations.read(PathCodes.of(uscc), who);
    if (ETags.noneMatchHolds(ifNoneMatch, view.version())) {
      return Response.notModified(new EntityTag(Long.toString(view.version()))).build();
    }
    return withETag(view);
  }

  @GET
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.SUPERVISOR,
    Roles.READER,
    Roles.AUDITOR,
    Roles.RECOGNITION_OFFICER
  })
  @Operation(
      summary = "Search the register",
      description = "Filters combine with AND; results are ordered by name.")
  @APIResponse(
      responseCode = "200",
      description = "One page of matches",
      content = @Content(schema = @Schema(implementation = OrganizationPage.class)))
  public OrganizationPage searchRegistrations(
      @QueryParam("name")
          @Parameter(
              description = "Name contains",
              example = "软件",
              schema = @Schema(type = SchemaType.STRING, maxLength = TextLimits.NAME))
          String name,
      @QueryParam("category") OrgCategory category,
      @QueryParam("status") OrgStatus status,
      @QueryParam("grade")
          @Parameter(
              description = "Grade level 1-5",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5"))
          Integer grade,
      @QueryParam("registrationAuthority") @Parameter(example = "上海市民政局") String authority,
      @QueryParam("establishedFrom") LocalDate establishedFrom,
      @QueryParam("establishedTo") LocalDate establishedTo,
      @BeanParam PageParams paging) {
    CallerInfo who = caller.info();
    policy().requireRead(who);
    RegistrationQueries.Filter filter =
        new RegistrationQueries.Filter(
            name, category, status, grade, authority, establishedFrom, establishedTo);
    PageCursor at = paging.resolve();
    return queries.search(filter, at.page(), at.size(), who);
  }

  @PATCH
  @Path("/{uscc}")
  @RolesAllowed(WRITE)
  @Operation(
      summary = "Amend a registration (变更登记)",
      description = "Send If-Match with the ETag you read.")
  @APIResponse(
      responseCode = "200",
      description = "Amended; ETag is the new version",
      headers = {
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  @APIResponse(
      responseCode = "412",
      description = "The record changed since you read it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "428",
      description = "If-Match is missing",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response amendRegistration(
      @PathParam("uscc") String uscc,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              required = true,
              description = "The ETag you read (428 without it, 412 if the record changed since)",
              example = "\"3\"")
          String ifMatch,
      AmendmentRequest request) {
    CallerInfo who = caller.info();
    policy().requireRegistrationWrite(who);
    if (request == null) {
      throw ProblemException.field("", "an amendment body is required");
    }
    return withETag(
        registrations.amend(PathCodes.of(uscc), ETags.parseIfMatch(ifMatch, true), request, who));
  }

  @POST
  @Path("/{uscc}/deregistration")
  @RolesAllowed(WRITE)
  @Operation(
      summary = "Deregister (注销登记)",
      description = "Terminal. A revoked organization may still be deregistered.")
  @APIResponse(
      responseCode = "200",
      description = "Deregistered",
      headers = {
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  public Response deregisterOrganization(
      @PathParam("uscc") String uscc,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              description =
                  "Optional: the ETag you read; if given and the record changed since, 412",
              example = "\"3\"")
          String ifMatch,
      DecisionRequest decision) {
    return endRegistration(
        ifMatch,
        decision,
        (version, who) -> registrations.deregister(PathCodes.of(uscc), version, decision, who));
  }

  @POST
  @Path("/{uscc}/revocation")
  @RolesAllowed(WRITE)
  @Operation(summary = "Revoke (撤销登记)", description = "Terminal; needs the decision number.")
  @APIResponse(
      responseCode = "200",
      description = "Revoked",
      headers = {
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  public Response revokeRegistration(
      @PathParam("uscc") String uscc,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              description =
                  "Optional: the ETag you read; if given and the record changed since, 412",
              example = "\"3\"")
          String ifMatch,
      DecisionRequest decision) {
    return endRegistration(
        ifMatch,
        decision,
        (version, who) -> registrations.revoke(PathCodes.of(uscc), version, decision, who));
  }

  @POST
  @Path("/{uscc}/transfer-out")
  @RolesAllowed(WRITE)
  @Operation(
      summary = "Transfer out to another province (迁出)",
      description =
          "The record here becomes DEREGISTERED; the other province registers the same code with transferIn.")
  @APIResponse(
      responseCode = "200",
      description = "Transferred out",
      headers = {
        @Header(
            name = "ETag",
            description = "The record's version, to send back in If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"3\""))
      },
      content = @Content(schema = @Schema(implementation = OrganizationView.class)))
  public Response transferOutOrganization(
      @PathParam("uscc") String uscc,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              description =
                  "Optional: the ETag you read; if given and the record changed since, 412",
              example = "\"3\"")
          String ifMatch,
      TransferOutRequest request) {
    return endRegistration(
        ifMatch,
        request,
        (version, who) -> registrations.transferOut(PathCodes.of(uscc), version, request, who));
  }

  @GET
  @Path("/{uscc}/history")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.SUPERVISOR,
    Roles.READER,
    Roles.AUDITOR,
    Roles.RECOGNITION_OFFICER
  })
  @Operation(
      summary = "An organization's history",
      description = "Every change and supervision action, newest first.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the history, newest first",
      content = @Content(schema = @Schema(implementation = HistoryPage.class)))
  public HistoryPage listRegistrationHistory(
      @PathParam("uscc") String uscc, @BeanParam PageParams paging) {
    policy().requireRead(caller.info());
    Uscc code = PathCodes.of(uscc);
    Paging page = paging.paging();
    registrations.read(code, caller.info());
    return queries.history(code, page);
  }

  /** A write that ends a registration, with the version the caller read (If-Match, optional). */
  private interface Ending {
    OrganizationView apply(Long expectedVersion, CallerInfo who);
  }

  private Response endRegistration(String ifMatch, Object body, Ending ending) {
    CallerInfo who = caller.info();
    policy().requireRegistrationWrite(who);
    if (body == null) {
      throw ProblemException.field("", "a request body is required");
    }
    return withETag(ending.apply(ETags.parseIfMatch(ifMatch, false), who));
  }

  private static Response withETag(OrganizationView view) {
    return Response.ok(view).tag(Long.toString(view.version())).build();
  }

  private AccessPolicy policy() {
    return new AccessPolicy(config.province());
  }
}
