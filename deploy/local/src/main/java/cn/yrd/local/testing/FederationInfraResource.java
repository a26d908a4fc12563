package cn.yrd.local.testing;

import cn.yrd.local.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared test infrastructure: a database of its own (init
 * argument {@value #DATABASE}), the broker, and the test JVM's token issuers ({@link TestTokens}).
 */
public class FederationInfraResource implements QuarkusTestResourceLifecycleManager {
  public static final String DATABASE = "database";

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get(DATABASE);
    if (database == null) {
      throw new IllegalArgumentException(
          "FederationInfraResource needs the init argument 'database'");
    }
  }

  @Override
  public Map<String, String> start() {
    PostgresServer postgres = SharedInfrastructure.postgres();
    postgres.ensureDatabase(database);
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    config.put("quarkus.datasource.username", postgres.user());
    config.put("quarkus.datasource.password", postgres.password());
    config.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
    config.put("YRD_OIDC_URL", TestTokens.issuers().url());
    // Keys kept seconds rather than minutes, so that tests see a withdrawn key stop working.
    config.put("YRD_OIDC_KEY_CACHE", "2S");
    config.put("YRD_OIDC_KEY_CACHE_SWEEP", "1S");
    return config;
  }

  @Override
  public void stop() {
    // The infrastructure outlives one application start; the JVM's shutdown stops it.
  }
}
