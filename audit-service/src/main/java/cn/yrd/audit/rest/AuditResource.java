package cn.yrd.audit.rest;

import cn.yrd.audit.api.AuditViews;
import cn.yrd.audit.service.AuditProofs;
import cn.yrd.audit.service.AuditQueries;
import cn.yrd.audit.service.Cursors;
import cn.yrd.audit.service.Verifier;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.Caller;
import cn.yrd.support.security.CallerInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 审计: the event history, its proofs, its checkpoints and its verification. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Audit",
    description = "审计: query the history, prove inclusion and consistency, verify the log")
@SecurityRequirement(name = "bearer")
public class AuditResource {
  @Inject AuditQueries queries;
  @Inject AuditProofs proofs;
  @Inject Verifier verifier;
  @Inject ObjectMapper json;
  @Inject Caller caller;

  @GET
  @Path("/events")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "Query the history",
      description =
          "In log order. A reader sees only its own province's events. Pass nextCursor back as cursor for the next page; it stays valid as the log grows.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = AuditViews.EventPage.class)))
  public AuditViews.EventPage listEvents(
      @QueryParam("uscc") String uscc,
      @QueryParam("province") Province province,
      @QueryParam("type") String type,
      @QueryParam("from") OffsetDateTime from,
      @QueryParam("to") OffsetDateTime to,
      @QueryParam("correlation") String correlation,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > 1000) {
      throw ProblemException.field("limit", "must be between 1 and 1000");
    }
    return queries.page(
        filter(uscc, province, type, from, to, correlation), Cursors.decode(cursor), size);
  }

  @GET
  @Path("/events/{eventId}")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "One event with its inclusion proof",
      description =
          "The proof leads to the root of the latest signed checkpoint (one is signed now if the event is newer).")
  @APIResponse(
      responseCode = "200",
      description = "The event and its RFC 9162 inclusion proof",
      content = @Content(schema = @Schema(implementation = AuditViews.ProvenEvent.class)))
  public AuditViews.ProvenEvent getEvent(@PathParam("eventId") UUID eventId) {
    AuditViews.EventView event =
        queries
            .byId(eventId)
            .orElseThrow(() -> ProblemException.notFound("no event " + eventId + " in the log"));
    requireVisible(event.province());
    return proofs.proven(event);
  }

  @GET
  @Path("/checkpoints/latest")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "The latest signed checkpoint",
      description = "C2SP tlog-checkpoint note signed with Ed25519, and the key to check it.")
  @APIResponse(
      responseCode = "200",
      description = "The checkpoint",
      content = @Content(schema = @Schema(implementation = AuditViews.CheckpointView.class)))
  public AuditViews.CheckpointView getLatestCheckpoint() {
    return proofs.latestCheckpoint();
  }

  @GET
  @Path("/witness-policy")
  @Produces("text/plain; charset=utf-8")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "The witness policy",
      description =
          "C2SP tlog-policy: the log's key, each province's witness key and the quorum a published"
              + " checkpoint carries.")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  public String getWitnessPolicy() {
    return proofs.witnessPolicy();
  }

  @GET
  @Path("/proofs/consistency")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "Consistency proof between two tree sizes",
      description = "RFC 9162 §2.1.4: proves the larger tree extends the smaller one.")
  @APIResponse(
      responseCode = "200",
      description = "The proof",
      content = @Content(schema = @Schema(implementation = AuditViews.ConsistencyProof.class)))
  public AuditViews.ConsistencyProof getConsistencyProof(
      @QueryParam("first") Long first, @QueryParam("second") Long second) {
    if (first == null || second == null || first < 0 || first > second) {
      throw ProblemException.field("first", "first and second are required and 0 ≤ first ≤ second");
    }
    return proofs.consistency(first, second);
  }

  @POST
  @Path("/verification")
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "Run a verification",
      description =
          "Recomputes every leaf from its stored row and the root from the leaves; names the first mismatch.")
  @APIResponse(
      responseCode = "200",
      description = "The report; ok is true when everything matches",
      content = @Content(schema = @Schema(implementation = Verifier.Report.class)))
  public Verifier.Report verifyLog() {
    return verifier.run();
  }

  @GET
  @Path("/export")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Produces("application/x-ndjson")
  @Operation(
      summary = "Export a filtered range as NDJSON",
      description = "Streamed, one event per line, in log order.")
  @APIResponse(
      responseCode = "200",
      description = "One event per line",
      content =
          @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)))
  public Response exportEvents(
      @QueryParam("uscc") String uscc,
      @QueryParam("province") Province province,
      @QueryParam("type") String type,
      @QueryParam("from") OffsetDateTime from,
      @QueryParam("to") OffsetDateTime to,
      @QueryParam("correlation") String correlation) {
    AuditQueries.Filter filter = filter(uscc, province, type, from, to, correlation);
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          try {
            queries.each(
                filter,
                event -> {
                  try {
                    writer.write(json.writeValueAsString(event));
                    writer.write('\n');
                  } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } finally {
            writer.flush();
          }
        };
    return Response.ok(body, "application/x-ndjson").build();
  }

  /** A reader's queries are confined to its province. */
  private AuditQueries.Filter filter(
      String uscc,
      Province province,
      String type,
      OffsetDateTime from,
      OffsetDateTime to,
      String correlation) {
    CallerInfo who = caller.info();
    String scope = province == null ? null : province.name();
    if (!who.hasRole(Roles.AUDITOR)) {
      String own =
          who.province()
              .map(Province::name)
              .orElseThrow(() -> ProblemException.forbidden("a reader's token names a province"));
      if (scope != null && !scope.equals(own)) {
        throw ProblemException.forbidden("a reader of " + own + " sees only " + own + "'s events");
      }
      scope = own;
    }
    return new AuditQueries.Filter(blank(uscc), scope, blank(type), from, to, blank(correlation));
  }

  private void requireVisible(String eventProvince) {
    CallerInfo who = caller.info();
    if (!who.hasRole(Roles.AUDITOR)
        && who.province().map(Province::name).filter(p -> p.equals(eventProvince)).isEmpty()) {
      throw ProblemException.forbidden("this event belongs to another province");
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
