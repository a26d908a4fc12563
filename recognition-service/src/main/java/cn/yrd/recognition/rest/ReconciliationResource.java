package cn.yrd.recognition.rest;

import cn.yrd.recognition.api.Reconciliation;
import cn.yrd.recognition.service.reconciliation.FormFields;
import cn.yrd.recognition.service.reconciliation.ReconciliationService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 名称对账: the W3C Reconciliation Service API (0.2), for OpenRefine. Open without a token, as
 * OpenRefine sends none: it answers only what the registries publish anyway (code, name, province,
 * status).
 */
@Path("/api/v1/reconcile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "名称对账: W3C Reconciliation Service API 0.2")
@PermitAll
public class ReconciliationResource {
  private static final String QUERIES_DOC =
      "A JSON object of keyed queries: {\"q0\": {\"query\": \"上海软件行业协会\", \"limit\": 3,"
          + " \"properties\": [{\"pid\": \"province\", \"v\": \"SH\"}]}}";

  @Inject ReconciliationService reconciliation;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary = "The service manifest, or answers to queries (Reconciliation API)",
      description =
          "Without queries: the manifest OpenRefine reads when the service is added (versions,"
              + " identifier space, default type, view URL). With queries: as POST.")
  @APIResponse(
      responseCode = "200",
      description = "The manifest; with queries, the candidates per query key",
      content =
          @Content(
              schema =
                  @Schema(oneOf = {Reconciliation.Manifest.class, ReconciliationResults.class})))
  public Object getReconciliationManifest(
      @QueryParam("queries")
          @Parameter(
              description = QUERIES_DOC,
              schema = @Schema(type = SchemaType.STRING, maxLength = 100_000))
          String queries) {
    if (queries == null) {
      return reconciliation.manifest(uri.getBaseUri() + "api/v1/organizations/");
    }
    return reconciliation.reconcile(queries);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "Reconcile names to organizations (Reconciliation API)",
      description =
          "Each query's name is matched by trigram similarity of normalized names (as"
              + " /api/v1/organizations/name-matches); the candidates are organizations by USCC,"
              + " the best first, score 0-100; match is true for a single identical normalized"
              + " name. The property province (SH, JS, ZJ, AH) narrows a query; others are"
              + " ignored. At most 50 queries per batch.")
  @APIResponse(
      responseCode = "200",
      description = "The candidates per query key",
      content = @Content(schema = @Schema(implementation = ReconciliationResults.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              schema = @Schema(implementation = ReconciliationForm.class)))
  public Map<String, Reconciliation.Result> reconcileNames(String form) {
    // Read here, not by the framework: a malformed form is the caller's error (422), not a 500.
    return reconciliation.reconcile(FormFields.value(form, "queries"));
  }

  /** The form OpenRefine posts. */
  @Schema(name = "ReconciliationForm", description = "The form OpenRefine posts")
  record ReconciliationForm(
      @Schema(description = QUERIES_DOC, required = true, maxLength = 100_000) String queries) {}

  /** The answer to a batch: each query's key and its candidates. */
  @Schema(
      name = "ReconciliationResults",
      type = SchemaType.OBJECT,
      description = "Each query's key and its candidates",
      additionalProperties = Reconciliation.Result.class)
  interface ReconciliationResults {}
}
