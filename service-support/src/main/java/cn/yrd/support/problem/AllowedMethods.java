package cn.yrd.support.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods a path takes, read from the OpenAPI document Quarkus generated at build time,
 * for the {@code Allow} header of a 405 (Quarkus REST sends none). The document lists every
 * operation, so the header and the contract cannot disagree.
 */
final class AllowedMethods {
  private static final String DOCUMENT = "META-INF/quarkus-generated-openapi-doc.JSON";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static volatile List<Route> routes;

  private record Route(Pattern segments, Pattern rest, int parameters, Set<String> methods) {}

  private AllowedMethods() {}

  /** The methods the most specific documented path matching {@code path} takes; empty if none. */
  static Set<String> of(String path) {
    Route best = match(path, false);
    if (best == null) {
      best = match(path, true);
    }
    return best == null ? Set.of() : best.methods();
  }

  /** Each parameter one segment; or, failing that, the last one the rest of the path (tiles). */
  private static Route match(String path, boolean lastTakesTheRest) {
    Route best = null;
    for (Route route : routes()) {
      Pattern pattern = lastTakesTheRest ? route.rest() : route.segments();
      if (pattern.matcher(path).matches()
          && (best == null || route.parameters() < best.parameters())) {
        best = route;
      }
    }
    return best;
  }

  private static List<Route> routes() {
    List<Route> loaded = routes;
    if (loaded == null) {
      loaded = load();
      routes = loaded;
    }
    return loaded;
  }

  private static List<Route> load() {
    List<Route> loaded = new ArrayList<>();
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        return loaded;
      }
      JsonNode paths = new ObjectMapper().readTree(in).path("paths");
      Iterator<String> templates = paths.fieldNames();
      while (templates.hasNext()) {
        String template = templates.next();
        Set<String> methods = new TreeSet<>();
        paths
            .path(template)
            .fieldNames()
            .forEachRemaining(
                m -> {
                  if (METHODS.contains(m)) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                  }
                });
        if (methods.contains("GET")) {
          methods.add("HEAD");
        }
        methods.add("OPTIONS");
        String segments = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
        String rest = segments.replaceAll("\\[\\^/]\\+\\\\Q\\\\E$", ".+");
        int parameters = template.split("\\{", -1).length - 1;
        loaded.add(
            new Route(
                Pattern.compile(segments),
                Pattern.compile(rest),
                parameters,
                Collections.unmodifiableSet(methods)));
      }
      return loaded;
    } catch (IOException e) {
      return loaded;
    }
  }
}
