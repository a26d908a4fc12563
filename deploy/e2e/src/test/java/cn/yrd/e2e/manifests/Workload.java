package cn.yrd.e2e.manifests;

import cn.yrd.e2e.manifests.ServiceConfiguration.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service as a manifest runs it: where it is declared, the image, its environment, the port its
 * container listens on, the health checks (path to port) and the folders mounted into it.
 */
public record Workload(
    String where,
    Service service,
    String image,
    Map<String, String> environment,
    String containerPort,
    Map<String, String> healthChecks,
    Set<String> mountedFolders) {

  private static final String READINESS = "/q/health/ready";
  private static final String LIVENESS = "/q/health/live";

  /** Every way this workload disagrees with the service's real configuration. */
  public List<String> problems(ServiceConfiguration configuration) {
    List<String> problems = new ArrayList<>();
    if (!configuration.image(service).equals(image)) {
      problems.add(
          where + " runs image " + image + ", the build makes " + configuration.image(service));
    }
    Set<String> documented = configuration.documented(service);
    environment.keySet().stream()
        .filter(name -> !documented.contains(name))
        .forEach(
            name ->
                problems.add(where + " sets " + name + ", which " + service + " does not read"));
    configuration.required(service).stream()
        .filter(name -> !environment.containsKey(name))
        .forEach(
            name ->
                problems.add(where + " does not set " + name + ", which " + service + " needs"));
    String port = environment.get("QUARKUS_HTTP_PORT");
    if (!containerPort.equals(port)) {
      problems.add(
          where + " exposes port " + containerPort + " but the service listens on " + port);
    }
    if (!containerPort.equals(healthChecks.get(READINESS))) {
      problems.add(where + " has no readiness check on " + READINESS + " at port " + containerPort);
    }
    healthChecks.forEach(
        (path, checkedPort) -> {
          if (!path.equals(READINESS) && !path.equals(LIVENESS)) {
            problems.add(where + " checks " + path + ", which the service does not serve");
          }
          if (!checkedPort.equals(containerPort)) {
            problems.add(where + " checks " + path + " on port " + checkedPort);
          }
        });
    environment.forEach(
        (name, value) -> {
          if (value.startsWith("/") && mountedFolders.stream().noneMatch(value::startsWith)) {
            problems.add(where + " sets " + name + "=" + value + ", a path nothing is mounted at");
          }
        });
    return problems;
  }
}
