package cn.yrd.audit.rest;

import cn.yrd.audit.service.Evidence;
import cn.yrd.contracts.Roles;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 互认证据: the evidence of a recognition decision, one file to check offline. */
@Path("/api/v1/recognitions")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class EvidenceResource {
  static final String MEDIA_TYPE = "text/plain; charset=utf-8";

  @Inject Evidence evidence;
  @Inject Caller caller;

  @GET
  @Path("/{id}/evidence")
  @Produces(MEDIA_TYPE)
  @RolesAllowed({Roles.AUDITOR, Roles.READER})
  @Operation(
      summary = "The evidence of a recognition decision",
      description =
          "One self-contained file: a header naming the recognition and the organization, then one"
              + " C2SP tlog-proof per event that led to the decision (the event's canonical bytes as"
              + " its extra data), all to one published checkpoint with the witnesses'"
              + " cosignatures. Check it offline with `verify-evidence FILE --policy POLICY` and the"
              + " witness policy, or in the console. A reader gets the recognitions of which its"
              + " province is home or host. 503 while no published checkpoint includes the"
              + " decision yet.")
  @APIResponse(
      responseCode = "200",
      description = "The evidence file",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  public Response getRecognitionEvidence(@PathParam("id") UUID id) {
    return Response.ok(evidence.of(id, caller.info()).text(), MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"recognition-" + id + ".evidence\"")
        .build();
  }
}
