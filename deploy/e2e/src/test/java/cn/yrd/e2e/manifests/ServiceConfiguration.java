package cn.yrd.e2e.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service really reads from its environment, taken from its configuration files, and what
 * the README's "Service configuration" tables document for it. The manifests are checked against
 * both.
 */
public final class ServiceConfiguration {
  /** The services a deployment runs, by the short name the manifests use. */
  public enum Service {
    REGISTRY("registry-service"),
    RECOGNITION("recognition-service"),
    AUDIT("audit-service");

    private final String module;

    Service(String module) {
      this.module = module;
    }

    public String module() {
      return module;
    }
  }

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");
  private static final Pattern ENV_NAME = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
  // A default that names the launcher's database, broker or key files serves it, not a deployment.
  private static final Pattern LOCAL_DEFAULT =
      Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:.*|127\\.0\\.0\\.1:\\d+|.*\\.yrd/.*");

  private final Path root;
  private final Map<String, Set<String>> documented;

  public ServiceConfiguration(Path root) {
    this.root = root;
    this.documented = documentedEnvironment(read(root.resolve("README.md")));
  }

  /** Environment variables the README documents for the service (shared ones included). */
  public Set<String> documented(Service service) {
    Set<String> names = new TreeSet<>(documented.getOrDefault("common", Set.of()));
    names.addAll(documented.getOrDefault(service.name(), Set.of()));
    return names;
  }

  /** Environment variables the service's configuration reads outside the dev and test profiles. */
  public Set<String> read(Service service) {
    return references(service).keySet();
  }

  /**
   * Environment variables a deployment must set: those read without a default, and those whose
   * default is the local launcher's database, broker or key file.
   */
  public Set<String> required(Service service) {
    Set<String> required = new TreeSet<>();
    references(service)
        .forEach(
            (name, fallback) -> {
              if (fallback == null || LOCAL_DEFAULT.matcher(fallback).matches()) {
                required.add(name);
              }
            });
    return required;
  }

  /** {@code <group>/<module>:<tag>}: the image the build makes of the service. */
  public String image(Service service) {
    Properties shared = properties(sharedConfiguration());
    return shared.getProperty("quarkus.container-image.group")
        + "/"
        + service.module()
        + ":"
        + shared.getProperty("quarkus.container-image.tag");
  }

  private Map<String, String> references(Service service) {
    Map<String, String> references = new LinkedHashMap<>();
    for (Path file :
        List.of(
            sharedConfiguration(),
            root.resolve(service.module()).resolve("src/main/resources/application.properties"))) {
      for (String line : read(file).split("\n")) {
        if (line.startsWith("%") || line.startsWith("#")) {
          continue;
        }
        Matcher reference = REFERENCE.matcher(line);
        while (reference.find()) {
          references.put(
              reference.group(1), reference.group(2) == null ? null : reference.group(3));
        }
      }
    }
    return references;
  }

  private Path sharedConfiguration() {
    return root.resolve(
        "service-support/src/main/resources/META-INF/microprofile-config.properties");
  }

  /**
   * The README's tables under "Service configuration": the first is every service's, then one per
   * "The … also reads:" paragraph.
   */
  private static Map<String, Set<String>> documentedEnvironment(String readme) {
    int start = readme.indexOf("\n## Service configuration");
    int end = readme.indexOf("\n## ", start + 1);
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    String owner = "common";
    for (String line : readme.substring(start, end).split("\n")) {
      if (line.matches("The \\w+( service)? also reads:")) {
        owner = line.split(" ")[1].toUpperCase(Locale.ROOT);
      } else if (line.startsWith("| `")) {
        String environment = line.split("\\|")[2];
        Matcher name = ENV_NAME.matcher(environment);
        while (name.find()) {
          documented.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(name.group(1));
        }
      }
    }
    return documented;
  }

  private static Properties properties(Path file) {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
