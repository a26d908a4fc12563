package cn.yrd.support.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts each operation's examples into the document: the service's {@value #RESOURCE} holds, by
 * operationId, a request example per media type and a response example per status and media type,
 * taken from real exchanges with the federation (deploy/e2e's {@code ExampleCapture}) and checked
 * against their schemas by the end-to-end test.
 */
final class OperationExamples {
  static final String RESOURCE = "META-INF/yrd/openapi-examples.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OperationExamples() {}

  static void attach(OpenAPI openAPI) {
    JsonNode examples = load();
    if (examples.isEmpty()) {
      return;
    }
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .forEach(
            operation -> {
              JsonNode own = examples.path(String.valueOf(operation.getOperationId()));
              if (!own.isMissingNode()) {
                attach(operation, own);
              }
            });
  }

  private static void attach(Operation operation, JsonNode examples) {
    if (operation.getRequestBody() != null) {
      setExamples(operation.getRequestBody().getContent(), examples.path("request"));
    }
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return;
    }
    for (Map.Entry<String, APIResponse> response :
        operation.getResponses().getAPIResponses().entrySet()) {
      setExamples(
          response.getValue().getContent(), examples.path("responses").path(response.getKey()));
    }
  }

  private static void setExamples(Content content, JsonNode byMediaType) {
    if (content == null || content.getMediaTypes() == null || byMediaType.isMissingNode()) {
      return;
    }
    for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
      JsonNode example = byMediaType.path(media.getKey().split(";")[0].trim());
      if (!example.isMissingNode() && media.getValue().getExample() == null) {
        media
            .getValue()
            .setExample(
                example.isTextual() ? example.asText() : JSON.convertValue(example, Object.class));
      }
    }
  }

  private static JsonNode load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      return in == null ? JSON.createObjectNode() : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }
}
