package cn.yrd.local.testing;

import cn.yrd.contracts.Province;
import cn.yrd.local.DevIssuer;
import cn.yrd.local.DevIssuers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bearer tokens for tests, from the development issuers this test JVM runs (keys generated under
 * {@code target/keys}), which the services under test trust ({@link FederationInfraResource}).
 */
public final class TestTokens {
  private static DevIssuers issuers;

  private TestTokens() {}

  /** The test JVM's issuers, started on first use and stopped with the JVM. */
  public static synchronized DevIssuers issuers() {
    if (issuers == null) {
      issuers = DevIssuers.start(Path.of("target", "keys").toAbsolutePath(), 0);
      Runtime.getRuntime().addShutdownHook(new Thread(issuers::close));
    }
    return issuers;
  }

  /** A valid token with one role from the province's issuer (null: the federation's). */
  public static String token(String role, Province province) {
    DevIssuer issuer = province == null ? issuers().federation() : issuers().of(province);
    String subject = role + "-" + (province == null ? "region" : province.name());
    return issuer.mint(subject, List.of(role), Duration.ofHours(1));
  }

  public static String bearer(String role, Province province) {
    return "Bearer " + token(role, province);
  }

  /** A token that expired an hour ago. */
  public static String expired(String role, Province province) {
    DevIssuer issuer = issuers().of(province);
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return issuer.sign(
        issuer.claims("expired", List.of(role), past, past.plus(Duration.ofHours(1))));
  }

  /** A token naming an issuer the services do not trust, signed with a trusted issuer's key. */
  public static String wrongIssuer(String role, Province province) {
    DevIssuer issuer = issuers().of(province);
    var claims =
        issuer.claims("stranger", List.of(role), Instant.now(), Instant.now().plusSeconds(3600));
    claims.setIssuer("https://elsewhere.example/realms/" + DevIssuers.realm(province));
    return issuer.sign(claims);
  }

  /** A token whose signature does not match its content. */
  public static String badSignature(String role, Province province) {
    String token = token(role, province);
    String[] parts = token.split("\\.");
    char last = parts[2].charAt(0);
    return parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
  }
}
