package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The realms compose imports into Keycloak (deploy/compose/keycloak) issue the tokens the services
 * accept: one realm per OIDC tenant the services configure, each client's token naming the audience
 * the services require, its roles in the claim they read, only groups the issuer's role mapping
 * knows, and the province the services bind the issuer to. (No Keycloak can run here: this checks
 * the files against the services' configuration.)
 */
class KeycloakRealmsTest {
  private static final Path ROOT = TestFederation.root();
  private static final Pattern TENANT =
      Pattern.compile("quarkus\\.oidc\\.([a-z]+)\\.auth-server-url");
  private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}");

  private final Properties config = sharedConfiguration();

  @Test
  void eachTenantHasARealmWhoseClientsIssueTokensTheServicesAccept() throws IOException {
    Set<String> tenants = new TreeSet<>();
    for (String name : config.stringPropertyNames()) {
      Matcher tenant = TENANT.matcher(name);
      if (tenant.matches()) {
        tenants.add(tenant.group(1));
      }
    }
    assertThat(tenants).containsExactlyInAnyOrder("sh", "js", "zj", "ah", "federation");
    for (String tenant : tenants) {
      JsonNode realm =
          new ObjectMapper()
              .readTree(ROOT.resolve("deploy/compose/keycloak/" + tenant + "-realm.json").toFile());
      assertThat(realm.path("realm").asText()).isEqualTo(tenant);
      Set<String> realmRoles = new HashSet<>();
      realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asText()));
      Set<String> mapped = mappedGroups(tenant);
      assertThat(realmRoles)
          .as(tenant + "'s roles are the groups its mapping knows")
          .isEqualTo(mapped);
      String province = config.getProperty("yrd.identity.issuers." + tenant + ".province");
      for (JsonNode client : realm.path("clients")) {
        String id = tenant + "/" + client.path("clientId").asText();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(id).isTrue();
        Map<String, JsonNode> mappers = new HashMap<>();
        client
            .path("protocolMappers")
            .forEach(m -> mappers.put(m.path("protocolMapper").asText(), m.path("config")));
        assertThat(mappers.get("oidc-audience-mapper").path("included.custom.audience").asText())
            .as(id + " audience")
            .isEqualTo(defaultOf("quarkus.oidc." + tenant + ".token.audience"));
        assertThat(mappers.get("oidc-usermodel-realm-role-mapper").path("claim.name").asText())
            .as(id + " roles claim")
            .isEqualTo(config.getProperty("quarkus.oidc." + tenant + ".roles.role-claim-path"));
        JsonNode provinceMapper = mappers.get("oidc-hardcoded-claim-mapper");
        if (province == null) {
          assertThat(provinceMapper).as(id + " names no province").isNull();
        } else {
          assertThat(provinceMapper.path("claim.name").asText()).isEqualTo("province");
          assertThat(provinceMapper.path("claim.value").asText()).as(id).isEqualTo(province);
        }
      }
      for (JsonNode user : realm.path("users")) {
        assertThat(mapped).containsAll(roles(user.path("realmRoles")));
      }
      assertThat(realm.path("clients")).hasSameSizeAs(realm.path("users"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeImportsTheRealmsAndPointsTheServicesAtKeycloak() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("deploy/compose/docker-compose.yml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak");
    assertThat((List<String>) keycloak.get("command")).contains("start-dev", "--import-realm");
    assertThat((List<String>) keycloak.get("volumes"))
        .contains("./keycloak:/opt/keycloak/data/import:ro");
    Map<String, Object> env = (Map<String, Object>) compose.get("x-env");
    assertThat(env.get("YRD_OIDC_URL")).isEqualTo("http://keycloak:8080");
  }

  private Set<String> mappedGroups(String tenant) {
    String prefix = "yrd.identity.issuers." + tenant + ".roles.";
    Set<String> groups = new HashSet<>();
    for (String name : config.stringPropertyNames()) {
      if (name.startsWith(prefix)) {
        groups.add(name.substring(prefix.length()));
      }
    }
    return groups;
  }

  private static Set<String> roles(JsonNode array) {
    Set<String> roles = new HashSet<>();
    array.forEach(r -> roles.add(r.asText()));
    return roles;
  }

  private String defaultOf(String property) {
    Matcher value = DEFAULT.matcher(config.getProperty(property));
    return value.matches() ? value.group(1) : config.getProperty(property);
  }

  private static Properties sharedConfiguration() {
    Properties properties = new Properties();
    Path file =
        ROOT.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties");
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
