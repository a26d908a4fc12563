package cn.yrd.support.problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Declares in the document what the server does: a request body with a field its schema does not
 * define is refused ({@code quarkus.jackson.fail-on-unknown-properties}), so every object schema a
 * request body reaches says {@code additionalProperties: false}.
 */
final class StrictRequestBodies {
  private static final String PREFIX = "#/components/schemas/";

  private StrictRequestBodies() {}

  static void declare(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> components = openAPI.getComponents().getSchemas();
    Deque<Schema> pending = new ArrayDeque<>();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations().values().stream()
                    .filter(operation -> operation.getRequestBody() != null)
                    .filter(operation -> operation.getRequestBody().getContent() != null)
                    .forEach(
                        operation ->
                            operation
                                .getRequestBody()
                                .getContent()
                                .getMediaTypes()
                                .forEach(
                                    (type, media) -> {
                                      if (type.contains("json") && media.getSchema() != null) {
                                        pending.add(media.getSchema());
                                      }
                                    })));
    Set<Schema> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Schema schema = pending.pop();
      if (!seen.add(schema)) {
        continue;
      }
      if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
        Schema target = components.get(schema.getRef().substring(PREFIX.length()));
        if (target != null) {
          pending.add(target);
        }
        continue;
      }
      if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        schema.setAdditionalPropertiesBoolean(false);
        pending.addAll(schema.getProperties().values());
      }
      if (schema.getItems() != null) {
        pending.add(schema.getItems());
      }
      if (schema.getAllOf() != null) {
        pending.addAll(schema.getAllOf());
      }
    }
  }
}
