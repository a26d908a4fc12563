package cn.yrd.support.security;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The decoded parts of a JWT, unverified: which issuer and key a token names. A request's claims
 * are decoded once and kept on its routing context, so the tenant resolver and the identity
 * provider, which both read them, share one decoding.
 */
final class TokenParts {
  private static final String CLAIMS_ATTRIBUTE = TokenParts.class.getName() + ".claims";

  private record Decoded(String token, JsonObject claims) {}

  private TokenParts() {}

  /** The token's claims, decoded once per request when there is one; null when not a JWT. */
  static JsonObject claims(String token, RoutingContext request) {
    if (request == null) {
      return claims(token);
    }
    Decoded decoded = request.get(CLAIMS_ATTRIBUTE);
    if (decoded == null || !decoded.token().equals(token)) {
      decoded = new Decoded(token, claims(token));
      request.put(CLAIMS_ATTRIBUTE, decoded);
    }
    return decoded.claims();
  }

  static JsonObject claims(String token) {
    return part(token, 1);
  }

  static JsonObject header(String token) {
    return part(token, 0);
  }

  /** The string claim or header value, or null when absent or not a string. */
  static String text(JsonObject part, String name) {
    return part != null && part.getValue(name) instanceof String text ? text : null;
  }

  private static JsonObject part(String token, int index) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      return new JsonObject(
          new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
