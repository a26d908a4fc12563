package cn.yrd.recognition.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.FeedKind;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.feed.FeedFilter;
import cn.yrd.recognition.service.feed.FeedHead;
import cn.yrd.recognition.service.feed.FeedStart;
import cn.yrd.recognition.service.feed.FeedStore;
import cn.yrd.recognition.service.feed.FeedStream;
import cn.yrd.recognition.service.feed.FeedTail;
import cn.yrd.recognition.service.feed.Snapshot;
import cn.yrd.support.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 变更订阅与快照: the change feed for systems that are not Kafka clients, over plain HTTP, and the
 * snapshot to start it from.
 */
@Path("/api/v1")
@Tag(name = "Feed", description = "变更订阅：变更流与快照")
@SecurityRequirement(name = "bearer")
public class FeedResource {
  static final String NDJSON = "application/x-ndjson";

  @Inject FeedStore store;
  @Inject FeedHead head;
  @Inject FeedTail tail;
  @Inject AgroalDataSource dataSource;
  @Inject RecognitionConfig config;

  @GET
  @Path("/feed")
  @Produces({NDJSON, MediaType.SERVER_SENT_EVENTS})
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary = "Follow the change feed (变更订阅)",
      description =
          "Every change of the consolidated view, every conflict change and every recognition"
              + " decision, in the order of their gap-free positions, then new ones as they happen,"
              + " with a heartbeat when quiet. NDJSON by default; Server-Sent Events with Accept:"
              + " text/event-stream (the position is the event id, so a reconnecting EventSource"
              + " resumes by Last-Event-ID). A position older than the retention is 410: start"
              + " again from GET /api/v1/snapshot.")
  @APIResponse(
      responseCode = "200",
      description = "The stream: one FeedItem per line (NDJSON), or per event (SSE)",
      content = {
        @Content(mediaType = NDJSON, schema = @Schema(implementation = Views.FeedItem.class)),
        @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "410",
      description = "The position is older than the retention: start again from the snapshot",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response followFeed(
      @QueryParam("after")
          @Parameter(
              description =
                  "Send what comes after this position (the last one you read, a heartbeat's"
                      + " included; 0 for everything the feed still holds); absent: only what"
                      + " happens from now on (the first heartbeat says where that is)",
              example = "1200")
          Long after,
      @HeaderParam("Last-Event-ID")
          @Parameter(
              description = "SSE: the last event id received; wins over after",
              example = "1200")
          String lastEventId,
      @QueryParam("province") @Parameter(description = "Only entries that concern this province")
          Province province,
      @QueryParam("kind") @Parameter(description = "Only entries of this kind") FeedKind kind,
      @QueryParam("type")
          @Parameter(
              description = "Only entries caused by events of this CloudEvents type",
              example = "cn.yrd.recognition.conflict-opened.v1",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          String type,
      @QueryParam("follow")
          @DefaultValue("true")
          @Parameter(
              description =
                  "false: end the response once caught up, for a system that polls instead of"
                      + " staying connected")
          boolean follow,
      @Context HttpHeaders headers)
      throws SQLException {
    long from = FeedStart.resolve(after, lastEventId, store.bounds());
    FeedStream.Format format =
        headers.getAcceptableMediaTypes().stream()
                .anyMatch(
                    m -> m.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE) && !m.isWildcardType())
            ? FeedStream.Format.SSE
            : FeedStream.Format.NDJSON;
    if (type != null && type.length() > 200) {
      throw ProblemException.field("type", "must be at most 200 characters");
    }
    FeedStream stream =
        new FeedStream(
            store,
            tail,
            head,
            from,
            new FeedFilter(province, kind, type),
            follow,
            config.feed().heartbeat(),
            format);
    return Response.ok(stream)
        .type(format == FeedStream.Format.SSE ? MediaType.SERVER_SENT_EVENTS : NDJSON)
        .header("Cache-Control", "no-store")
        // Tells a proxy such as nginx not to hold the stream back.
        .header("X-Accel-Buffering", "no")
        .build();
  }

  @GET
  @Path("/snapshot")
  @Produces(NDJSON)
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary = "Take a snapshot of the consolidated view (快照)",
      description =
          "The first line is a SnapshotHeader: the feed position the snapshot was taken at. Each"
              + " line after it is one province's record (RecordState). Follow the feed from that"
              + " position, applying a record only when its version is newer, to keep the view.")
  @APIResponse(
      responseCode = "200",
      description = "A SnapshotHeader line, then one RecordState per line",
      content =
          @Content(
              mediaType = NDJSON,
              schema = @Schema(anyOf = {Views.SnapshotHeader.class, Views.RecordState.class})))
  public Response takeSnapshot(
      @QueryParam("province") @Parameter(description = "Only the records of this province")
          Province province) {
    return Response.ok(new Snapshot(dataSource, province))
        .type(NDJSON)
        .header("Cache-Control", "no-store")
        .build();
  }
}
