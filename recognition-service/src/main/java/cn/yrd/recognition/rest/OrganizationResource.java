package cn.yrd.recognition.rest;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.search.NameSearch;
import cn.yrd.recognition.service.view.ViewQueries;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.problem.RequestedUscc;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 跨省视图: every province's latest state of an organization, and who represents what. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consolidated view", description = "跨省视图: organizations across the four provinces")
@SecurityRequirement(name = "bearer")
@RolesAllowed({
  ApiRoles.REGISTRAR,
  ApiRoles.SUPERVISOR,
  ApiRoles.OFFICER,
  ApiRoles.AUDITOR,
  ApiRoles.READER
})
public class OrganizationResource {
  @Inject ViewQueries queries;
  @Inject NameSearch names;

  @GET
  @Path("/organizations/{uscc}")
  @Operation(
      summary = "An organization across the provinces",
      description =
          "Each province's record, the recognitions, the open conflicts, and asOf per province.")
  @APIResponse(
      responseCode = "200",
      description = "The cross-province view",
      content = @Content(schema = @Schema(implementation = Views.OrganizationView.class)))
  public Views.OrganizationView getOrganization(@PathParam("uscc") String uscc) {
    Uscc code = RequestedUscc.inPath(uscc, "no province has published " + uscc);
    if (!queries.exists(code)) {
      throw ProblemException.notFound("no province has published " + code);
    }
    return queries.organization(code);
  }

  @GET
  @Path("/organizations")
  @Operation(
      summary = "Search the consolidated view",
      description =
          "name matches the normalized name (NFKC, simplified, no spaces or punctuation).")
  @APIResponse(
      responseCode = "200",
      description = "One page of records",
      content = @Content(schema = @Schema(implementation = Views.SummaryPage.class)))
  public Views.SummaryPage searchOrganizations(
      @QueryParam("name") String name,
      @QueryParam("province") Province province,
      @QueryParam("status") cn.yrd.contracts.registry.OrgStatus status,
      @BeanParam PageParams pageParams) {
    Paging paging = pageParams.paging();
    return queries.search(
        name, province, status == null ? null : status.name(), paging.page(), paging.size());
  }

  @GET
  @Path("/organizations/name-matches")
  @Operation(
      summary = "Find organizations by a name that may be misspelt (模糊查询)",
      description =
          "Records ranked by how similar their normalized name is to the one given (pg_trgm"
              + " trigram similarity, 0.3 to 1), so a typo, a missing word or traditional"
              + " characters still find them. The same search answers the Reconciliation API"
              + " (/api/v1/reconcile).")
  @APIResponse(
      responseCode = "200",
      description = "The matches, the most similar first",
      content = @Content(schema = @Schema(implementation = Views.NameMatches.class)))
  public Views.NameMatches searchOrganizationNames(
      @QueryParam("name")
          @Parameter(
              description = "The name as written",
              required = true,
              example = "上海软件行业协会",
              schema = @Schema(type = SchemaType.STRING, maxLength = NameSearch.MAX_NAME))
          String name,
      @QueryParam("province") @Parameter(description = "Only this province's records")
          Province province,
      @QueryParam("limit")
          @Parameter(
              description = "At most this many matches",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50"))
          @DefaultValue("10")
          int limit) {
    return new Views.NameMatches(names.matches(name, province, limit));
  }

  @GET
  @Path("/persons/{personRef}/organizations")
  @Operation(
      summary = "The organizations one person represents",
      description = "By person reference (HMAC of the ID number), in every province.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the records naming this person as legal representative",
      content = @Content(schema = @Schema(implementation = Views.PersonOrganizationsPage.class)))
  public Views.PersonOrganizationsPage listOrganizationsOfPerson(
      @PathParam("personRef") String personRef, @BeanParam PageParams pageParams) {
    if (!personRef.matches("[0-9a-f]{64}")) {
      throw ProblemException.field("personRef", "must be 64 lower-case hex characters");
    }
    return queries.representedBy(personRef, pageParams.paging());
  }
}
