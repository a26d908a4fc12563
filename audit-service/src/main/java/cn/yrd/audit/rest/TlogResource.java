package cn.yrd.audit.rest;

import cn.yrd.audit.merkle.TilePath;
import cn.yrd.audit.service.AuditProofs;
import cn.yrd.audit.service.Tiles;
import cn.yrd.contracts.Roles;
import cn.yrd.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The C2SP tlog-tiles read API, under the prefix {@code /tlog}. */
@Path("/tlog")
@Tag(
    name = "Tiles",
    description =
        "C2SP tlog-tiles: the checkpoint, hash tiles and entry bundles, for any tiles client")
@SecurityRequirement(name = "bearer")
public class TlogResource {
  /** Full tiles and bundles never change; a partial one never changes either once it exists. */
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final String OCTETS = "application/octet-stream";

  @Inject AuditProofs proofs;
  @Inject Tiles tiles;

  @GET
  @Path("/checkpoint")
  @Produces("text/plain; charset=utf-8")
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "The latest checkpoint",
      description = "The C2SP tlog-checkpoint note with its signature lines.")
  @APIResponse(
      responseCode = "200",
      description = "The note",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  public Response getTlogCheckpoint() {
    return Response.ok(proofs.latestCheckpoint().note())
        .header("Cache-Control", "max-age=2")
        .build();
  }

  @GET
  @Path("/tile/{level}/{index: .+}")
  @Produces(OCTETS)
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "A hash tile",
      description =
          "Level L, index N (x-prefixed 3-digit elements), .p/W for a partial tile: 256 (or W)"
              + " Merkle tree hashes of 32 bytes.")
  @APIResponse(
      responseCode = "200",
      description = "The hashes, concatenated",
      content =
          @Content(
              mediaType = OCTETS,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", description = "No such tile (yet)")
  public Response getTile(@PathParam("level") String level, @PathParam("index") String index) {
    if (!level.matches("0|[1-9][0-9]?") || Integer.parseInt(level) > 63) {
      throw ProblemException.notFound("no tile level " + level);
    }
    TilePath path = path(index);
    return immutable(tiles.hashes(Integer.parseInt(level), path), "tile " + level + "/" + index);
  }

  @GET
  @Path("/tile/entries/{index: .+}")
  @Produces(OCTETS)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "An entry bundle",
      description =
          "The entries of one level-0 tile, each behind a big-endian uint16 length: the canonical"
              + " bytes of each event, which its leaf hashes.")
  @APIResponse(
      responseCode = "200",
      description = "The bundle",
      content =
          @Content(
              mediaType = OCTETS,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", description = "No such bundle (yet)")
  public Response getEntryBundle(@PathParam("index") String index) {
    return immutable(tiles.entries(path(index)), "entry bundle " + index);
  }

  private static TilePath path(String index) {
    return TilePath.parse(index)
        .orElseThrow(() -> ProblemException.notFound("no tile path " + index));
  }

  private static Response immutable(Optional<byte[]> body, String what) {
    byte[] bytes = body.orElseThrow(() -> ProblemException.notFound("the log has no " + what));
    return Response.ok(bytes, OCTETS).header("Cache-Control", IMMUTABLE).build();
  }
}
