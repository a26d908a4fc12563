package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.e2e.manifests.Manifests;
import cn.yrd.e2e.manifests.ServiceConfiguration;
import cn.yrd.e2e.manifests.ServiceConfiguration.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and every Kubernetes overlay run each service the way its configuration says:
 * the image the build makes, only environment variables it reads (as the README documents them),
 * all that a deployment must set, its port, its health checks, and files where something is
 * mounted. The overlays are rendered by {@code kubectl kustomize} (-Pmanifests, run by .ci/run).
 */
class DeploymentManifestsTest {
  private static final Path ROOT = TestFederation.root();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final ServiceConfiguration CONFIGURATION = new ServiceConfiguration(ROOT);

  @Test
  void theComposeFileRunsEachServiceAsItsConfigurationSays() throws IOException {
    Map<String, Manifests.Compose> services =
        Manifests.compose(Files.readString(DEPLOY.resolve("compose/docker-compose.yml")));
    assertThat(services.keySet())
        .contains("postgres", "kafka", "jaeger")
        .contains("registry-sh", "registry-js", "registry-zj", "registry-ah")
        .contains("recognition", "audit");
    String databases = Files.readString(DEPLOY.resolve("compose/init-databases.sql"));
    for (Manifests.Compose service : services.values()) {
      assertThat(service.healthChecked()).as(service.name() + " has a health check").isTrue();
      service
          .workload()
          .ifPresent(
              workload -> {
                assertThat(workload.problems(CONFIGURATION)).isEmpty();
                String database = workload.environment().get("YRD_JDBC_URL").replaceAll(".*/", "");
                assertThat(databases).contains("CREATE DATABASE " + database + ";");
              });
    }
    for (String province : List.of("sh", "js", "zj", "ah")) {
      Map<String, String> env =
          services.get("registry-" + province).workload().orElseThrow().environment();
      assertThat(env.get("PROVINCE")).isEqualTo(province.toUpperCase(Locale.ROOT));
      assertThat(env.get("YRD_JDBC_URL")).endsWith("/registry_" + province);
    }
  }

  @Test
  void theReadmeDocumentsEveryVariableAServiceReads() {
    for (Service service : Service.values()) {
      assertThat(CONFIGURATION.documented(service))
          .as("the README's Service configuration for " + service)
          .containsAll(CONFIGURATION.read(service));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyKustomizationNamesFilesThatExist() throws IOException {
    List<Path> kustomizations;
    try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s"))) {
      kustomizations =
          files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
    }
    assertThat(kustomizations).hasSize(7);
    for (Path kustomization : kustomizations) {
      Map<String, Object> k = new Yaml().load(Files.readString(kustomization));
      for (String resource : (List<String>) k.get("resources")) {
        assertThat(kustomization.getParent().resolve(resource).normalize())
            .as(kustomization + " → " + resource)
            .exists();
      }
    }
  }

  @Tag("manifests")
  @ParameterizedTest
  @ValueSource(strings = {"sh", "js", "zj", "ah"})
  void eachProvinceOverlayRunsItsOwnRegistryAsItsConfigurationSays(String province)
      throws Exception {
    Manifests.Rendered rendered = render("overlays/" + province);
    assertThat(rendered.namespaces()).containsExactly("yrd-" + province);
    assertThat(rendered.workloads()).hasSize(1);
    checkAgainstConfiguration(rendered);
    Map<String, String> env = rendered.workloads().get(0).environment();
    assertThat(env.get("PROVINCE")).isEqualTo(province.toUpperCase(Locale.ROOT));
    assertThat(env.get("YRD_JDBC_URL")).endsWith("/registry_" + province);
  }

  @Tag("manifests")
  @Test
  void theCentralOverlayRunsRecognitionAndAuditAsTheirConfigurationSays() throws Exception {
    Manifests.Rendered rendered = render("overlays/central");
    assertThat(rendered.namespaces()).containsExactly("yrd-central");
    assertThat(rendered.workloads())
        .extracting(workload -> workload.service())
        .containsExactlyInAnyOrder(Service.RECOGNITION, Service.AUDIT);
    checkAgainstConfiguration(rendered);
  }

  private static void checkAgainstConfiguration(Manifests.Rendered rendered) throws IOException {
    rendered.workloads().forEach(w -> assertThat(w.problems(CONFIGURATION)).isEmpty());
    assertThat(rendered.problems()).isEmpty();
    String readme = Files.readString(ROOT.resolve("README.md"));
    for (String secret : rendered.secrets()) {
      assertThat(readme).as("the README names the Secret " + secret).contains("`" + secret + "`");
    }
  }

  private static Manifests.Rendered render(String overlay) throws Exception {
    Process kubectl =
        new ProcessBuilder(
                "kubectl", "kustomize", DEPLOY.resolve("k8s").resolve(overlay).toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).as(output).isZero();
    return Manifests.kubernetes(overlay, output);
  }
}
