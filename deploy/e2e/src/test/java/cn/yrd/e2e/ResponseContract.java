package cn.yrd.e2e;

import cn.yrd.contracts.Province;
import cn.yrd.local.Federation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every API response the tests receive against the live OpenAPI document of the service that
 * sent it: the status is declared for the operation, the content type is declared, and a JSON body
 * validates against the declared schema (networknt's validator, OpenAPI 3.1 dialect). Violations
 * are collected; a test class asserts there are none.
 */
final class ResponseContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(OpenApi31.getInstance());
  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
  private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, String> PROBLEM_TYPES = new ConcurrentHashMap<>();
  private static final List<String> CHECKED = Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, String> SERVICES = new ConcurrentHashMap<>();

  private ResponseContract() {}

  /** Starts checking the responses of the service at {@code baseUrl} against its live document. */
  static JsonNode watch(String baseUrl) {
    JsonNode doc = read(Http.get(baseUrl + "/q/openapi?format=json", null));
    DOCUMENTS.put(origin(baseUrl), doc);
    String service = doc.path("info").path("title").asText().toLowerCase();
    SERVICES.put(
        origin(baseUrl),
        service.contains("registry")
            ? "registry"
            : service.contains("recognition") ? "recognition" : "audit");
    return doc;
  }

  /** Writes the watched service's live document to {@code dir/name.json} (for the linters). */
  static void save(String baseUrl, Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(name + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(DOCUMENTS.get(origin(baseUrl))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many responses were checked, and the violations among them. */
  record Report(int checked, int problemTypes, List<String> violations) {}

  /** Stops checking and reports what was seen since the first {@link #watch}. */
  static Report finish() {
    // Every problem type seen must resolve to its page on the service that gave it.
    PROBLEM_TYPES.forEach(
        (type, origin) -> {
          HttpResponse<String> page = Http.send("GET", origin + type, null, null, null);
          if (page.statusCode() != 200 || !page.body().contains("How to fix it")) {
            VIOLATIONS.add("problem type " + type + " on " + origin + " → " + page.statusCode());
          }
        });
    ExampleCapture.write();
    int problemTypes = PROBLEM_TYPES.size();
    PROBLEM_TYPES.clear();
    DOCUMENTS.clear();
    COMPILED.clear();
    synchronized (VIOLATIONS) {
      Report report = new Report(CHECKED.size(), problemTypes, List.copyOf(VIOLATIONS));
      VIOLATIONS.clear();
      CHECKED.clear();
      return report;
    }
  }

  /** Checks every response of the federation's services from now on. */
  static void watch(Federation federation) {
    for (Province province : Province.values()) {
      watch(federation.registryUrl(province));
    }
    watch(federation.url("recognition"));
    watch(federation.url("audit"));
  }

  static void observe(
      String method,
      String url,
      String requestType,
      String requestBody,
      HttpResponse<String> response) {
    observe(
        method,
        url,
        requestType,
        requestBody,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  /** A RestAssured filter that checks each response it sees. */
  static io.restassured.filter.Filter restAssuredFilter() {
    return (request, response, context) -> {
      io.restassured.response.Response sent = context.next(request, response);
      observe(
          request.getMethod(),
          request.getURI(),
          request.getContentType(),
          bodyText(request.getBody()),
          sent.getStatusCode(),
          sent.getContentType() == null ? "" : sent.getContentType(),
          sent.asString());
      return sent;
    };
  }

  private static String bodyText(Object body) {
    if (body instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    return body == null ? null : body.toString();
  }

  private static void observe(
      String method,
      String url,
      String requestType,
      String requestBody,
      int statusCode,
      String contentTypeHeader,
      String body) {
    URI uri = URI.create(url);
    JsonNode doc = DOCUMENTS.get(uri.getScheme() + "://" + uri.getAuthority());
    if (doc == null || uri.getPath().startsWith("/q/")) {
      return;
    }
    String where = method + " " + uri.getPath() + " → " + statusCode;
    Optional<String> template = matchPath(doc, uri.getPath());
    if (template.isEmpty()) {
      // Paths the document does not serve are answered by the framework (404 problem).
      return;
    }
    JsonNode operation = doc.path("paths").path(template.get()).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      return;
    }
    CHECKED.add(where);
    ExampleCapture.exchange(
        SERVICES.getOrDefault(uri.getScheme() + "://" + uri.getAuthority(), ""),
        operation.path("operationId").asText(),
        requestType == null ? null : requestType.split(";")[0].trim(),
        requestBody,
        statusCode,
        contentTypeHeader.split(";")[0].trim(),
        body);
    String status = Integer.toString(statusCode);
    JsonNode declared = operation.path("responses").path(status);
    if (declared.isMissingNode()) {
      declared = operation.path("responses").path("default");
    }
    if (declared.isMissingNode()) {
      VIOLATIONS.add(where + ": status not declared by " + operation.path("operationId").asText());
      return;
    }
    if (body == null || body.isEmpty() || !declared.has("content")) {
      return;
    }
    String contentType = contentTypeHeader.split(";")[0].trim();
    JsonNode media = mediaOf(declared.path("content"), contentType);
    if (media.isMissingNode()) {
      VIOLATIONS.add(where + ": content type '" + contentType + "' not declared");
      return;
    }
    if (contentType.equals("application/problem+json")) {
      PROBLEM_TYPES.putIfAbsent(
          read(body).path("type").asText(), uri.getScheme() + "://" + uri.getAuthority());
    }
    boolean json = contentType.equals("application/json") || contentType.endsWith("+json");
    if (!json || !media.has("schema")) {
      return;
    }
    String key =
        uri.getAuthority() + " " + template.get() + " " + method + " " + status + " " + contentType;
    Schema schema = COMPILED.computeIfAbsent(key, k -> compile(doc, media.path("schema")));
    List<Error> errors = schema.validate(read(body));
    for (Error error : errors) {
      VIOLATIONS.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
  }

  /**
   * What the document at {@code baseUrl} lacks or gets wrong in its examples: every request media
   * type and every success response's media type (binary tiles aside) has one, and a JSON example
   * validates against its schema.
   */
  static List<String> exampleFaults(String baseUrl) {
    JsonNode doc = DOCUMENTS.get(origin(baseUrl));
    List<String> faults = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          String id = op.getValue().path("operationId").asText(op.getKey());
                          op.getValue()
                              .path("requestBody")
                              .path("content")
                              .fields()
                              .forEachRemaining(
                                  media -> checkExample(doc, id + " request", media, faults));
                          op.getValue()
                              .path("responses")
                              .fields()
                              .forEachRemaining(
                                  response -> {
                                    if (!response.getKey().startsWith("2")) {
                                      return;
                                    }
                                    response
                                        .getValue()
                                        .path("content")
                                        .fields()
                                        .forEachRemaining(
                                            media ->
                                                checkExample(
                                                    doc,
                                                    id + " " + response.getKey(),
                                                    media,
                                                    faults));
                                  });
                        }));
    return faults;
  }

  private static void checkExample(
      JsonNode doc, String where, Map.Entry<String, JsonNode> media, List<String> faults) {
    if (media.getKey().equals("application/octet-stream")) {
      return;
    }
    JsonNode example = media.getValue().path("example");
    if (example.isMissingNode()) {
      faults.add(where + " " + media.getKey() + ": no example");
      return;
    }
    if (media.getKey().endsWith("json") && media.getValue().has("schema")) {
      compile(doc, media.getValue().path("schema"))
          .validate(example)
          .forEach(
              error ->
                  faults.add(
                      where
                          + " "
                          + media.getKey()
                          + " example: "
                          + error.getInstanceLocation()
                          + " "
                          + error.getMessage()));
    }
  }

  /** The declared media type whose base type (parameters aside) is the response's. */
  private static JsonNode mediaOf(JsonNode content, String contentType) {
    Iterator<Map.Entry<String, JsonNode>> declared = content.fields();
    while (declared.hasNext()) {
      Map.Entry<String, JsonNode> media = declared.next();
      if (media.getKey().split(";")[0].trim().equalsIgnoreCase(contentType)) {
        return media.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The declared schema with the document's components beside it, so its $refs resolve. */
  private static Schema compile(JsonNode doc, JsonNode declared) {
    ObjectNode root = declared.deepCopy();
    root.set("components", doc.path("components"));
    return SCHEMAS.getSchema(root);
  }

  /** The most specific path template of the document that the path matches. */
  private static Optional<String> matchPath(JsonNode doc, String path) {
    String best = null;
    int bestParams = Integer.MAX_VALUE;
    Iterator<String> names = doc.path("paths").fieldNames();
    while (names.hasNext()) {
      String template = names.next();
      String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
      if (template.endsWith("}") && template.contains("/tile/")) {
        regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E.+\\\\Q") + "\\E";
      }
      if (Pattern.matches(regex, path)) {
        int params = template.split("\\{", -1).length - 1;
        if (params < bestParams) {
          best = template;
          bestParams = params;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static String origin(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
