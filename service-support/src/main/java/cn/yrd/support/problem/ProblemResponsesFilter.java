package cn.yrd.support.problem;

import cn.yrd.contracts.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares, once for every API operation, the problem+json responses {@link ProblemMappers} can
 * give: 400 and 422 everywhere, 413 where there is a body, 401 and 403 where a bearer token is
 * required, 404 where a path names a resource. Operations keep their own specific responses (409,
 * 412, 428…). Every service whose index holds this module picks it up, and it runs once, when the
 * service is built: named in {@code mp.openapi.filter} instead, it would run at every start and
 * make Quarkus parse and write the whole document again (about 0.25 s of a service's start-up on
 * this project's machine).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
  private static final Map<String, String> ALWAYS =
      Map.of(
          "400",
          "Malformed JSON, a wrong type or an unknown field or value; a query or path value that"
              + " cannot be read, or a query parameter the operation does not take (the problem"
              + " names it)",
          "422",
          "A parameter, field or domain rule fails; the problem names which");
  private static final Map<String, String> SECURED =
      Map.of(
          "401", "No valid bearer token",
          "403", "The token's role or province does not allow this");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    declareProblemSchema(openAPI);
    StrictRequestBodies.declare(openAPI);
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              item.getOperations().values().forEach(OperationRoles::declare);
              item.getOperations()
                  .values()
                  .forEach(operation -> ParameterDescriptions.describe(path, operation));
              // An operation open to anyone says so (an empty requirement), rather than nothing.
              item.getOperations().values().stream()
                  .filter(operation -> operation.getSecurity() == null)
                  .forEach(operation -> operation.setSecurity(new ArrayList<>()));
              // The APIs with problem+json errors; the C2SP protocols (/witness) answer in text.
              if (!path.startsWith("/api/") && !path.startsWith("/tlog/")) {
                return;
              }
              item.getOperations()
                  .values()
                  .forEach(
                      operation -> {
                        ALWAYS.forEach((code, text) -> add(operation, code, text));
                        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                          SECURED.forEach((code, text) -> add(operation, code, text));
                        }
                        if (operation.getRequestBody() != null) {
                          add(
                              operation,
                              "413",
                              "The body is larger than the service's limit"
                                  + " (quarkus.http.limits.max-body-size); nothing was read");
                        }
                        if (path.contains("{")) {
                          add(operation, "404", "Nothing is known under that identifier");
                        }
                      });
            });
    OperationExamples.attach(openAPI);
  }

  /** RFC 9457 problem details, as {@link Problem} serializes them. */
  private static void declareProblemSchema(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    if (openAPI.getComponents().getSchemas() != null
        && openAPI.getComponents().getSchemas().containsKey(Problem.class.getSimpleName())) {
      return;
    }
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .addProperty("field", text)
            .addProperty("message", text);
    openAPI
        .getComponents()
        .addSchema(
            Problem.class.getSimpleName(),
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty(
                    "errors",
                    OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addProperty(
                    "warnings",
                    OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text)));
  }

  private static void add(Operation operation, String code, String description) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    if (responses.hasAPIResponse(code)) {
      return;
    }
    Schema schema =
        OASFactory.createSchema().ref("#/components/schemas/" + Problem.class.getSimpleName());
    MediaType media = OASFactory.createMediaType().schema(schema);
    Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    responses.addAPIResponse(
        code, OASFactory.createAPIResponse().description(description).content(content));
  }
}
