package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The compose file and every Kubernetes manifest parse and hang together. */
class DeploymentManifestsTest {
  private static final Path DEPLOY =
      Path.of(System.getProperty("yrd.root", "../..")).resolve("deploy");
  private static final List<String> SERVICES =
      List.of("registry-sh", "registry-js", "registry-zj", "registry-ah", "recognition", "audit");

  @Test
  @SuppressWarnings("unchecked")
  void theComposeFileRunsInfrastructureAndSixHealthCheckedServices() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(DEPLOY.resolve("compose/docker-compose.yml")));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsKeys("postgres", "kafka");
    assertThat(services.keySet()).containsAll(SERVICES);
    for (String name : services.keySet()) {
      assertThat(services.get(name)).as(name).containsKeys("image", "healthcheck");
    }
    List<Object> provinces = new ArrayList<>();
    for (String name : SERVICES.subList(0, 4)) {
      Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
      provinces.add(env.get("PROVINCE"));
      assertThat((String) env.get("YRD_JDBC_URL")).endsWith("registry_" + name.substring(9));
      assertThat(env)
          .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "YRD_PERSON_KEY", "YRD_JWT_PUBLIC_KEY");
    }
    for (String name : SERVICES) {
      Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
      assertThat((String) env.get("YRD_TRACING_OTLP_ENDPOINT"))
          .as(name + " exports its spans to the compose file's trace viewer")
          .isEqualTo("http://jaeger:4317");
    }
    assertThat(services).containsKey("jaeger");
    assertThat(provinces).containsExactly("SH", "JS", "ZJ", "AH");
    assertThat(Files.readString(DEPLOY.resolve("compose/init-databases.sql")))
        .contains("registry_sh", "recognition", "audit");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyKustomizationNamesFilesThatExistAndEveryDeploymentIsProbedAndBounded()
      throws IOException {
    List<Path> kustomizations;
    try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s"))) {
      kustomizations =
          files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
    }
    assertThat(kustomizations).hasSize(7);
    int deployments = 0;
    for (Path kustomization : kustomizations) {
      Map<String, Object> k = new Yaml().load(Files.readString(kustomization));
      for (String resource : (List<String>) k.get("resources")) {
        Path target = kustomization.getParent().resolve(resource).normalize();
        assertThat(target).as(kustomization + " → " + resource).exists();
        if (Files.isRegularFile(target)) {
          for (Object doc : new Yaml().loadAll(Files.readString(target))) {
            Map<String, Object> manifest = (Map<String, Object>) doc;
            assertThat(manifest)
                .as(target.toString())
                .containsKeys("apiVersion", "kind", "metadata");
            if ("Deployment".equals(manifest.get("kind"))) {
              deployments++;
              String text = new Yaml().dump(manifest);
              assertThat(text).as(target + " probes").contains("/q/health/live", "/q/health/ready");
              assertThat(text).as(target + " resources").contains("requests", "limits");
            }
          }
        }
      }
    }
    assertThat(deployments).as("registry, recognition, audit").isEqualTo(3);
  }

  @Test
  void eachProvinceOverlayRendersItsOwnRegistryWhereKubectlIsInstalled() throws Exception {
    for (String province : List.of("sh", "js", "zj", "ah")) {
      String rendered = kustomize(DEPLOY.resolve("k8s/overlays/" + province));
      if (rendered == null) {
        return; // kubectl is not on this machine; the structural test above still ran.
      }
      List<Object> documents = new ArrayList<>();
      new Yaml().loadAll(rendered).forEach(documents::add);
      assertThat(documents).hasSize(3);
      assertThat(rendered)
          .contains(
              "namespace: yrd-" + province,
              "PROVINCE: " + province.toUpperCase(),
              "registry_" + province);
    }
  }

  private static String kustomize(Path overlay) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder("kubectl", "kustomize", overlay.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException notInstalled) {
      return null;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
