package cn.yrd.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Mints RS256 bearer tokens for development and tests, signed with the {@link DevKeys}. */
public final class DevTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final RSAPrivateKey key;
  private final String issuer;

  public DevTokens(RSAPrivateKey key, String issuer) {
    this.key = key;
    this.issuer = issuer;
  }

  /**
   * A token for {@code subject} with {@code roles}, scoped to {@code province} (null: region-wide).
   */
  public String mint(String subject, List<String> roles, String province, Duration validFor) {
    Instant now = Instant.now();
    return mint(subject, roles, province, issuer, now, now.plus(validFor));
  }

  /** A token with every claim chosen by the caller, including already expired ones. */
  public String mint(
      String subject,
      List<String> roles,
      String province,
      String tokenIssuer,
      Instant issuedAt,
      Instant expiresAt) {
    StringBuilder claims =
        new StringBuilder()
            .append("{\"iss\":")
            .append(quote(tokenIssuer))
            .append(",\"sub\":")
            .append(quote(subject))
            .append(",\"upn\":")
            .append(quote(subject))
            .append(",\"jti\":")
            .append(quote(UUID.randomUUID().toString()))
            .append(",\"iat\":")
            .append(issuedAt.getEpochSecond())
            .append(",\"exp\":")
            .append(expiresAt.getEpochSecond())
            .append(",\"groups\":[")
            .append(roles.stream().map(DevTokens::quote).collect(Collectors.joining(",")))
            .append(']');
    if (province != null) {
      claims.append(",\"province\":").append(quote(province));
    }
    claims.append('}');
    String signingInput =
        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
    return signingInput + "." + B64.encodeToString(sign(signingInput));
  }

  private byte[] sign(String signingInput) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
