package cn.yrd.local;

import cn.yrd.contracts.Province;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * One development OIDC issuer (开发用身份提供者), laid out as a Keycloak realm: its metadata, its JWKS and
 * a client-credentials token endpoint. Its first key pair is generated into a folder on first start
 * (never committed); {@link #rotate} and {@link #withdraw} change the published keys.
 */
public final class DevIssuer {
  private static final Base64.Decoder BASE64 = Base64.getDecoder();

  private final String realm;
  private final String url;
  private final Optional<Province> province;
  private final List<String> roles;
  private final String clientSecret;
  private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger keySetRequests = new AtomicInteger();
  private volatile RsaJsonWebKey signing;

  private DevIssuer(
      String realm,
      String url,
      Province province,
      List<String> roles,
      RsaJsonWebKey key,
      String secret) {
    this.realm = realm;
    this.url = url;
    this.province = Optional.ofNullable(province);
    this.roles = List.copyOf(roles);
    this.clientSecret = secret;
    this.signing = key;
    published.add(key);
  }

  /** Loads the issuer's key and client secret from {@code dir}, generating them on first start. */
  static DevIssuer load(String realm, String url, Province province, List<String> roles, Path dir) {
    try {
      Files.createDirectories(dir);
      Path keyFile = dir.resolve("signing-key.jwk");
      Path secretFile = dir.resolve("client-secret");
      if (!Files.exists(keyFile)) {
        Files.writeString(
            keyFile, newKey(realm).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
      }
      if (!Files.exists(secretFile)) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        Files.writeString(secretFile, Base64.getUrlEncoder().encodeToString(secret));
      }
      RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(keyFile));
      return new DevIssuer(realm, url, province, roles, key, Files.readString(secretFile).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JoseException e) {
      throw new IllegalStateException("cannot read the key of issuer " + realm, e);
    }
  }

  /** The issuer identifier ({@code iss}), also its base URL. */
  public String url() {
    return url;
  }

  public String realm() {
    return realm;
  }

  public Optional<Province> province() {
    return province;
  }

  /** The secret of its clients (one per role it grants, named after the role). */
  public String clientSecret() {
    return clientSecret;
  }

  /** A token for {@code subject} with {@code groups}, from now for {@code validFor}. */
  public String mint(String subject, List<String> groups, Duration validFor) {
    Instant now = Instant.now();
    return sign(claims(subject, groups, now, now.plus(validFor)));
  }

  /** The claims this issuer puts in a token: chosen times, for tests of expired tokens. */
  public JwtClaims claims(String subject, List<String> groups, Instant issuedAt, Instant expires) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(url);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setAudience(DevIssuers.AUDIENCE);
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
    claims.setStringListClaim("groups", groups);
    province.ifPresent(p -> claims.setClaim("province", p.name()));
    return claims;
  }

  /** Signs any claims with the current signing key, naming its key id. */
  public String sign(JwtClaims claims) {
    return signWith(signing, claims);
  }

  /** Signs with a key of the caller's choice (which need not be published). */
  public static String signWith(RsaJsonWebKey key, JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** Publishes a new key and signs with it from now on; the old key stays published. */
  public RsaJsonWebKey rotate() {
    RsaJsonWebKey key = newKey(realm);
    published.add(key);
    signing = key;
    return key;
  }

  /** Signs with a published key from now on (after a test's rotation: the earlier one again). */
  public void signWith(RsaJsonWebKey key) {
    signing = key;
  }

  /** Publishes a key (in tests: one under a key id another issuer uses). */
  public void publish(RsaJsonWebKey key) {
    published.add(key);
  }

  /** Takes a key out of the JWKS: tokens it signed must stop being accepted. */
  public void withdraw(String keyId) {
    published.removeIf(k -> k.getKeyId().equals(keyId));
  }

  /** How many times its JWKS has been fetched. */
  public int keySetRequests() {
    return keySetRequests.get();
  }

  public RsaJsonWebKey signingKey() {
    return signing;
  }

  /** A new RSA key pair, its key id starting with {@code prefix}. */
  public static RsaJsonWebKey newKey(String prefix) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
      key.setUse("sig");
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /** Serves {@code path}, relative to the realm. */
  void handle(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case ".well-known/openid-configuration" -> respond(exchange, 200, metadata());
      case "protocol/openid-connect/certs" -> {
        keySetRequests.incrementAndGet();
        respond(
            exchange,
            200,
            new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
      }
      case "protocol/openid-connect/token" -> token(exchange);
      default -> respond(exchange, 404, "{\"error\":\"not_found\"}");
    }
  }

  private String metadata() {
    return "{\"issuer\":\""
        + url
        + "\",\"jwks_uri\":\""
        + url
        + "/protocol/openid-connect/certs\",\"token_endpoint\":\""
        + url
        + "/protocol/openid-connect/token\",\"grant_types_supported\":[\"client_credentials\"],"
        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
        + "\"response_types_supported\":[\"token\"],\"subject_types_supported\":[\"public\"]}";
  }

  /** OAuth 2.0 client credentials (RFC 6749 §4.4): a client per role, named after it. */
  private void token(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, "{\"error\":\"invalid_request\"}");
      return;
    }
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String[] pair =
          new String(BASE64.decode(authorization.substring(6).trim()), StandardCharsets.UTF_8)
              .split(":", 2);
      form.put("client_id", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
      form.put(
          "client_secret",
          pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    String client = form.getOrDefault("client_id", "");
    if (!roles.contains(client) || !clientSecret.equals(form.get("client_secret"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Duration validFor = Duration.ofHours(1);
    String subject = client + province.map(p -> "-" + p.name().toLowerCase()).orElse("");
    respond(
        exchange,
        200,
        "{\"access_token\":\""
            + mint(subject, List.of(client), validFor)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + validFor.toSeconds()
            + "}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
