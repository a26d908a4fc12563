package cn.yrd.registry.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.registry.service.witness.CheckpointWitness;
import cn.yrd.registry.service.witness.WitnessKey;
import cn.yrd.registry.service.witness.WitnessOutcome;
import cn.yrd.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The province's witness of the audit log, C2SP tlog-witness: no token, since the checkpoint's
 * signature is the only authentication the protocol has.
 */
@Path("/witness")
@Tag(name = "Witness", description = "见证: cosigns the audit log's checkpoints (C2SP tlog-witness)")
public class WitnessResource {
  private static final String TEXT = "text/plain; charset=utf-8";

  @Inject CheckpointWitness witness;
  @Inject WitnessKey key;

  @POST
  @Path("/add-checkpoint")
  @PermitAll
  @Consumes({"text/plain", "application/octet-stream", "*/*"})
  @Produces({TEXT, "text/x.tlog.size"})
  @Operation(
      summary = "Cosign a checkpoint",
      description =
          "old <size>, the consistency proof (base64 lines), a blank line, the signed checkpoint."
              + " 200: the cosignature line; 409: the size this witness last cosigned.")
  @RequestBody(
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "200",
      description = "The cosignature/v1 line",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed, or older than the last cosigned",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "Not signed by the log's key",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "A log this witness does not know",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Old size mismatch: the body is the size this witness last cosigned",
      content =
          @Content(mediaType = "text/x.tlog.size", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "422",
      description = "The proof does not verify: a fork",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public Response addCheckpoint(byte[] body) {
    WitnessOutcome outcome =
        witness.addCheckpoint(
            new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
    if (outcome.status() == 200 || outcome.status() == 409) {
      return Response.status(outcome.status())
          .type(outcome.contentType())
          .entity(outcome.body())
          .build();
    }
    // C2SP fixes the 200 and 409 bodies; other refusals are problems, like every API here.
    throw ProblemException.of(
        outcome.status(), "witness-refused", "Checkpoint refused", outcome.body().strip());
  }

  @GET
  @Path("/key")
  @PermitAll
  @Produces(TEXT)
  @Operation(
      summary = "The witness's verifier key",
      description = "<name>+<hex key id>+<base64(0x04 ‖ Ed25519 key)>, for witness policies.")
  public String getWitnessKey() {
    return key.verifierKey() + "\n";
  }

  @GET
  @Path("/{originHash: [0-9a-f]{64}}/checkpoint")
  @PermitAll
  @Produces(TEXT)
  @Operation(
      summary = "The latest checkpoint this witness cosigned for a log",
      description = "The log is named by the lowercase hex SHA-256 of its origin line.")
  @APIResponse(
      responseCode = "200",
      description = "The checkpoint with this witness's cosignature",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "404", description = "Never cosigned a checkpoint of that log")
  @APIResponse(responseCode = "422", description = "Not a SHA-256 in lowercase hex")
  public String getWitnessedCheckpoint(@PathParam("originHash") String originHash) {
    return witness
        .latestByOriginHash(originHash)
        .orElseThrow(() -> ProblemException.notFound("no checkpoint cosigned for " + originHash));
  }
}
