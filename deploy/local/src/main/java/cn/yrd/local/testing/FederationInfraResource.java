package cn.yrd.local.testing;

import cn.yrd.contracts.Roles;
import cn.yrd.local.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared test infrastructure: a database of its own (init
 * argument {@value #DATABASE}), the broker, and the test token-signing key.
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
    return Map.of(
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
        "quarkus.datasource.username", postgres.user(),
        "quarkus.datasource.password", postgres.password(),
        "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
        "mp.jwt.verify.publickey.location", TestTokens.keys().publicKeyFile().toUri().toString(),
        "mp.jwt.verify.issuer", Roles.DEFAULT_ISSUER);
  }

  @Override
  public void stop() {
    // The infrastructure outlives one application start; the JVM's shutdown stops it.
  }
}
