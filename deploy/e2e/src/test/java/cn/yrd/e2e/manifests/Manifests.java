package cn.yrd.e2e.manifests;

import cn.yrd.e2e.manifests.ServiceConfiguration.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Reads the services out of the compose file and out of a rendered Kubernetes overlay. */
@SuppressWarnings("unchecked")
public final class Manifests {
  private static final Pattern HEALTH_URL =
      Pattern.compile("http://localhost:(\\d+)(/q/health/\\w+)");

  private Manifests() {}

  /** A compose service, and the workload it runs if it is one of the federation's. */
  public record Compose(String name, boolean healthChecked, Optional<Workload> workload) {}

  /** What one overlay renders to. */
  public record Rendered(
      Set<String> namespaces,
      List<Workload> workloads,
      Set<String> secrets,
      List<String> problems) {}

  public static Map<String, Compose> compose(String yaml) {
    Map<String, Object> file = new Yaml().load(yaml);
    Map<String, Compose> services = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) file.get("services"))
        .forEach(
            (name, spec) ->
                services.put(
                    name,
                    new Compose(
                        name,
                        spec.containsKey("healthcheck"),
                        service(name).map(service -> composeWorkload(name, service, spec)))));
    return services;
  }

  private static Workload composeWorkload(String name, Service service, Map<String, Object> spec) {
    Map<String, String> environment = new LinkedHashMap<>();
    ((Map<String, Object>) spec.getOrDefault("environment", Map.of()))
        .forEach((key, value) -> environment.put(key, String.valueOf(value)));
    List<String> ports = (List<String>) spec.getOrDefault("ports", List.of());
    String containerPort = ports.isEmpty() ? "" : ports.get(0).replaceAll(".*:", "");
    Map<String, String> healthChecks = new LinkedHashMap<>();
    Map<String, Object> healthcheck = (Map<String, Object>) spec.get("healthcheck");
    if (healthcheck != null) {
      Matcher url = HEALTH_URL.matcher(String.valueOf(healthcheck.get("test")));
      while (url.find()) {
        healthChecks.put(url.group(2), url.group(1));
      }
    }
    Set<String> mounted = new LinkedHashSet<>();
    for (Object volume : (List<Object>) spec.getOrDefault("volumes", List.of())) {
      mounted.add(String.valueOf(volume).split(":")[1] + "/");
    }
    return new Workload(
        "compose " + name,
        service,
        String.valueOf(spec.get("image")),
        environment,
        containerPort,
        healthChecks,
        mounted);
  }

  /** The documents {@code kubectl kustomize} printed for an overlay. */
  public static Rendered kubernetes(String overlay, String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    new Yaml().loadAll(yaml).forEach(doc -> documents.add((Map<String, Object>) doc));
    Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    Set<String> namespaces = new TreeSet<>();
    for (Map<String, Object> doc : documents) {
      Map<String, Object> metadata = (Map<String, Object>) doc.get("metadata");
      namespaces.add(String.valueOf(metadata.get("namespace")));
      if ("ConfigMap".equals(doc.get("kind"))) {
        Map<String, String> data = new LinkedHashMap<>();
        ((Map<String, Object>) doc.getOrDefault("data", Map.of()))
            .forEach((k, v) -> data.put(k, String.valueOf(v)));
        configMaps.put(String.valueOf(metadata.get("name")), data);
      }
    }
    List<Workload> workloads = new ArrayList<>();
    Set<String> secrets = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> podLabels = new LinkedHashMap<>();
    Map<String, Set<String>> portNames = new LinkedHashMap<>();
    for (Map<String, Object> doc : documents) {
      if (!"Deployment".equals(doc.get("kind"))) {
        continue;
      }
      String name = String.valueOf(((Map<String, Object>) doc.get("metadata")).get("name"));
      String where = overlay + " Deployment " + name;
      Map<String, Object> template =
          (Map<String, Object>) ((Map<String, Object>) doc.get("spec")).get("template");
      podLabels.put(
          name,
          (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("labels"));
      Map<String, Object> pod = (Map<String, Object>) template.get("spec");
      List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
      Map<String, Object> container = containers.get(0);
      Map<String, String> ports = new LinkedHashMap<>();
      for (Map<String, Object> port :
          (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
        ports.put(String.valueOf(port.get("name")), String.valueOf(port.get("containerPort")));
      }
      portNames.put(name, ports.keySet());
      Map<String, String> environment = new LinkedHashMap<>();
      for (Map<String, Object> from :
          (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
        String configMap =
            String.valueOf(((Map<String, Object>) from.get("configMapRef")).get("name"));
        if (!configMaps.containsKey(configMap)) {
          problems.add(
              where + " reads ConfigMap " + configMap + ", which the overlay does not define");
        }
        environment.putAll(configMaps.getOrDefault(configMap, Map.of()));
      }
      for (Map<String, Object> variable :
          (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
        Map<String, Object> valueFrom = (Map<String, Object>) variable.get("valueFrom");
        String value = String.valueOf(variable.get("value"));
        if (valueFrom != null) {
          Map<String, Object> secret = (Map<String, Object>) valueFrom.get("secretKeyRef");
          secrets.add(String.valueOf(secret.get("name")));
          value = "secret " + secret.get("name") + "/" + secret.get("key");
        }
        environment.put(String.valueOf(variable.get("name")), value);
      }
      Map<String, String> volumesFromSecrets = new LinkedHashMap<>();
      for (Map<String, Object> volume :
          (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
        Map<String, Object> secret = (Map<String, Object>) volume.get("secret");
        if (secret != null) {
          secrets.add(String.valueOf(secret.get("secretName")));
          volumesFromSecrets.put(
              String.valueOf(volume.get("name")), String.valueOf(secret.get("secretName")));
        }
      }
      Set<String> mounted = new LinkedHashSet<>();
      for (Map<String, Object> mount :
          (List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of())) {
        if (!volumesFromSecrets.containsKey(String.valueOf(mount.get("name")))) {
          problems.add(
              where + " mounts volume " + mount.get("name") + ", which it does not declare");
        }
        mounted.add(mount.get("mountPath") + "/");
      }
      Map<String, String> healthChecks = new LinkedHashMap<>();
      for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
        Map<String, Object> check = (Map<String, Object>) container.get(probe);
        if (check != null) {
          Map<String, Object> httpGet = (Map<String, Object>) check.get("httpGet");
          String port = String.valueOf(httpGet.get("port"));
          healthChecks.put(String.valueOf(httpGet.get("path")), ports.getOrDefault(port, port));
        }
      }
      Optional<Service> service = service(name);
      if (service.isEmpty()) {
        problems.add(where + " is not one of the federation's services");
        continue;
      }
      workloads.add(
          new Workload(
              where,
              service.get(),
              String.valueOf(container.get("image")),
              environment,
              ports.getOrDefault("http", ""),
              healthChecks,
              mounted));
    }
    for (Map<String, Object> doc : documents) {
      if (!"Service".equals(doc.get("kind"))) {
        continue;
      }
      String name = String.valueOf(((Map<String, Object>) doc.get("metadata")).get("name"));
      Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
      Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
      Optional<String> selected =
          podLabels.entrySet().stream()
              .filter(pod -> pod.getValue().entrySet().containsAll(selector.entrySet()))
              .map(Map.Entry::getKey)
              .findFirst();
      if (selected.isEmpty()) {
        problems.add(overlay + " Service " + name + " selects no Deployment's pods");
        continue;
      }
      for (Map<String, Object> port : (List<Map<String, Object>>) spec.get("ports")) {
        if (!portNames.get(selected.get()).contains(String.valueOf(port.get("targetPort")))) {
          problems.add(
              overlay
                  + " Service "
                  + name
                  + " targets port "
                  + port.get("targetPort")
                  + ", which its pods do not name");
        }
      }
    }
    return new Rendered(namespaces, workloads, secrets, problems);
  }

  /** registry-sh, registry → the registry; recognition; audit. */
  private static Optional<Service> service(String name) {
    String kind = name.replaceAll("-.*", "").toUpperCase(Locale.ROOT);
    for (Service service : Service.values()) {
      if (service.name().equals(kind)) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }
}
