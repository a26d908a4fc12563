package cn.yrd.local.testing;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.DevKeys;
import cn.yrd.local.DevTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed with a key pair generated under {@code target/keys}. */
public final class TestTokens {
  private TestTokens() {}

  static DevKeys keys() {
    return DevKeys.in(Path.of("target", "keys").toAbsolutePath());
  }

  private static DevTokens minter() {
    return new DevTokens(keys().privateKey(), Roles.DEFAULT_ISSUER);
  }

  /** A valid token with one role, scoped to a province (null for region-wide roles). */
  public static String token(String role, Province province) {
    return minter()
        .mint(
            role + "-" + (province == null ? "region" : province.name()),
            List.of(role),
            province == null ? null : province.name(),
            Duration.ofHours(1));
  }

  public static String bearer(String role, Province province) {
    return "Bearer " + token(role, province);
  }

  /** A token that expired an hour ago. */
  public static String expired(String role, Province province) {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return minter()
        .mint(
            "expired",
            List.of(role),
            province.name(),
            Roles.DEFAULT_ISSUER,
            past,
            past.plus(Duration.ofHours(1)));
  }

  /** A token from an issuer the services do not trust. */
  public static String wrongIssuer(String role, Province province) {
    Instant now = Instant.now();
    return minter()
        .mint(
            "stranger",
            List.of(role),
            province.name(),
            "https://elsewhere.example",
            now,
            now.plus(Duration.ofHours(1)));
  }

  /** A token whose signature does not match its content. */
  public static String badSignature(String role, Province province) {
    String token = token(role, province);
    String[] parts = token.split("\\.");
    char last = parts[2].charAt(0);
    return parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
  }
}
