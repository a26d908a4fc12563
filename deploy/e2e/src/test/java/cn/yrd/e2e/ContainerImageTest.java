package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.tlog.Ed25519KeyFile;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.e2e.images.ImageArchive;
import cn.yrd.e2e.images.ImageContainer;
import cn.yrd.e2e.manifests.ServiceConfiguration;
import cn.yrd.e2e.manifests.ServiceConfiguration.Service;
import cn.yrd.local.DevIssuers;
import cn.yrd.local.FreePorts;
import cn.yrd.local.InfraSettings;
import cn.yrd.local.Infrastructure;
import cn.yrd.local.PostgresServer;
import cn.yrd.local.ServiceDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The services' container images, as {@code ./mvnw package -Pimages} builds them into the local
 * image store of podman ({@code yrd.image.tool}, read with its docker-archive save): what each
 * holds, and the three of them running from their own filesystems against PostgreSQL and Kafka with
 * only the documented settings, as a deployment runs them.
 */
@Tag("images")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageTest {
  private static final String TOOL = System.getProperty("yrd.image.tool", "podman");
  private static final String APP = "home/jboss/";
  private static final Path WORK = Path.of("target", "images").toAbsolutePath();

  private final ServiceConfiguration configuration =
      new ServiceConfiguration(TestFederation.root());
  private final Map<Service, ImageArchive> images = new EnumMap<>(Service.class);

  @BeforeAll
  void saveImages() {
    for (Service service : Service.values()) {
      images.put(
          service,
          ImageArchive.save(TOOL, configuration.image(service), WORK.resolve(service.module())));
    }
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void runsTheFastJarAsAnUnprivilegedUserOnPort8080(Service service) {
    ImageArchive image = images.get(service);
    assertThat(image.entrypoint()).containsSubsequence("java", "-jar", "quarkus-run.jar");
    assertThat(image.workingDir()).isEqualTo("/" + APP.substring(0, APP.length() - 1));
    assertThat(image.user()).isNotEmpty().isNotIn("0", "root");
    assertThat(image.exposedPorts()).containsExactly("8080/tcp");
    assertThat(image.environment()).containsEntry("QUARKUS_HTTP_PORT", "8080");
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void keepsDependenciesAndApplicationInSeparateLayers(Service service) {
    List<Set<String>> layers = images.get(service).layerContents();
    // curl: compose's health check runs it in the container.
    assertThat(layers.stream().flatMap(Set::stream)).contains("usr/bin/curl", "etc/passwd");
    int dependencies = layerHolding(layers, APP + "lib/main");
    int application = layerHolding(layers, APP + "app/" + service.module() + ".jar");
    int generated = layerHolding(layers, APP + "quarkus/quarkus-application.dat");
    assertThat(layerHolding(layers, APP + "quarkus-run.jar")).isPositive();
    assertThat(dependencies).isPositive().isNotEqualTo(application);
    assertThat(application).isNotEqualTo(generated);
    assertThat(layers.get(dependencies))
        .noneMatch(path -> path.startsWith(APP + "app/") || path.startsWith(APP + "quarkus/"));
  }

  @Test
  void servicesRunFromTheirImagesWithOnlyTheDocumentedSettings() throws Exception {
    Path state = WORK.resolve("run");
    Path keys = state.resolve("keys");
    Path auditKey = keys.resolve("audit-ed25519.pem");
    Path witnessKey = keys.resolve("witness-SH-ed25519.pem");
    VerifierKey logKey =
        new VerifierKey(
            "yrd.example/audit",
            VerifierKey.ED25519,
            VerifierKey.raw(Ed25519KeyFile.load(auditKey, true).getPublic()));
    VerifierKey cosigner =
        new VerifierKey(
            "yrd.example/witness/SH",
            VerifierKey.COSIGNATURE_V1,
            VerifierKey.raw(Ed25519KeyFile.load(witnessKey, true).getPublic()));
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      ports.put(service, FreePorts.pick());
    }
    String registryUrl = "http://127.0.0.1:" + ports.get(Service.REGISTRY);
    String recognitionUrl = "http://127.0.0.1:" + ports.get(Service.RECOGNITION);
    String auditUrl = "http://127.0.0.1:" + ports.get(Service.AUDIT);

    List<ImageContainer> running = new ArrayList<>();
    try (Infrastructure infrastructure = Infrastructure.start(InfraSettings.forTests());
        DevIssuers issuers = DevIssuers.start(keys, 0)) {
      PostgresServer postgres = infrastructure.postgres();
      ServiceDatabases.all().forEach(postgres::ensureDatabase);
      Map<String, String> common = new LinkedHashMap<>();
      common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
      common.put("YRD_JDBC_USER", postgres.user());
      common.put("YRD_JDBC_PASSWORD", postgres.password());
      common.put("YRD_OIDC_URL", issuers.url());

      Map<String, String> registry = new LinkedHashMap<>(common);
      registry.put("PROVINCE", "SH");
      registry.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.registry("SH")));
      registry.put("YRD_PERSON_KEY", "image-test-person-key");
      registry.put("YRD_WITNESS_KEY", "/keys/witness/witness-ed25519.pem");
      registry.put("YRD_WITNESS_GENERATE_KEY", "false");
      registry.put("YRD_WITNESS_LOGS", logKey.toString());
      registry.put("YRD_CLEARANCE_URL", recognitionUrl);
      Map<Path, String> registryFiles = new LinkedHashMap<>();
      registryFiles.put(witnessKey, "/keys/witness/witness-ed25519.pem");
      registryFiles.put(
          Ed25519KeyFile.publicFile(witnessKey), "/keys/witness/witness-ed25519.pub.pem");

      Map<String, String> recognition = new LinkedHashMap<>(common);
      recognition.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.RECOGNITION));

      Map<String, String> audit = new LinkedHashMap<>(common);
      audit.put("YRD_JDBC_URL", postgres.jdbcUrl(ServiceDatabases.AUDIT));
      audit.put("YRD_AUDIT_SIGNING_KEY", "/keys/audit/audit-ed25519.pem");
      audit.put("YRD_AUDIT_GENERATE_KEY", "false");
      audit.put("YRD_AUDIT_WITNESSES", registryUrl + "/witness " + cosigner);
      audit.put("YRD_AUDIT_WITNESS_QUORUM", "1");
      Map<Path, String> auditFiles = new LinkedHashMap<>();
      auditFiles.put(auditKey, "/keys/audit/audit-ed25519.pem");
      auditFiles.put(Ed25519KeyFile.publicFile(auditKey), "/keys/audit/audit-ed25519.pub.pem");

      Map<Service, Map<String, String>> settings =
          Map.of(
              Service.REGISTRY, registry, Service.RECOGNITION, recognition, Service.AUDIT, audit);
      for (Service service : Service.values()) {
        Set<String> unset = new TreeSet<>(configuration.required(service));
        unset.removeAll(settings.get(service).keySet());
        assertThat(unset).as("required settings of " + service).isEmpty();
        assertThat(configuration.documented(service))
            .as("settings given to " + service)
            .containsAll(settings.get(service).keySet());
      }

      // Recognition first: the registry asks it before registering; audit's witness is the
      // registry.
      for (Service service : List.of(Service.RECOGNITION, Service.REGISTRY, Service.AUDIT)) {
        Map<String, String> environment = new LinkedHashMap<>(settings.get(service));
        // All three share the host's network here, so each listens on its own port (-p elsewhere).
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        Path rootfs = state.resolve("rootfs-" + service.module());
        images.get(service).unpackTo(rootfs);
        Map<Path, String> files =
            service == Service.REGISTRY
                ? registryFiles
                : service == Service.AUDIT ? auditFiles : Map.<Path, String>of();
        ImageContainer container =
            ImageContainer.start(
                images.get(service),
                rootfs,
                environment,
                files,
                state.resolve("logs/" + service.module() + ".log"));
        running.add(container);
        String url = "http://127.0.0.1:" + ports.get(service);
        TestFederation.await(
            () -> {
              assertThat(container.isAlive()).as(service + " from its image is running").isTrue();
              return ready(url);
            },
            Duration.ofMinutes(3),
            service + " from its image ready");
      }

      HttpResponse<String> registered =
          Http.send(
              "POST",
              registryUrl + "/api/v1/registrations",
              issuers.token(Roles.REGISTRAR, Province.SH, Duration.ofHours(1)),
              "application/json",
              TestFederation.registration(Province.SH, "310115", null).toString());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String uscc = TestFederation.json(registered.body()).path("uscc").asText();
      String auditor = issuers.token(Roles.AUDITOR, null, Duration.ofHours(1));
      TestFederation.await(
          () ->
              Http.send(
                          "GET",
                          recognitionUrl + "/api/v1/organizations/" + uscc,
                          auditor,
                          null,
                          null)
                      .statusCode()
                  == 200,
          Duration.ofSeconds(60),
          "recognition, from its image, sees the registration");
      TestFederation.await(
          () ->
              TestFederation.json(Http.get(auditUrl + "/api/v1/events?uscc=" + uscc, auditor))
                      .path("items")
                      .size()
                  == 1,
          Duration.ofSeconds(60),
          "audit, from its image, holds the registration");
      TestFederation.await(
          () ->
              Http.send("GET", auditUrl + "/api/v1/checkpoints/latest", auditor, null, null)
                      .statusCode()
                  == 200,
          Duration.ofSeconds(60),
          "a checkpoint cosigned by the registry's witness");
    } finally {
      running.forEach(ImageContainer::close);
    }
  }

  @AfterAll
  void removeUnpackedFilesystems() {
    for (Service service : Service.values()) {
      ImageArchive.remove(WORK.resolve("run/rootfs-" + service.module()));
    }
  }

  private static boolean ready(String url) {
    try {
      return Http.send("GET", url + "/q/health/ready", null, null, null).statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int layerHolding(List<Set<String>> layers, String path) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).contains(path)) {
        return i;
      }
    }
    throw new AssertionError(path + " is in no layer");
  }
}
