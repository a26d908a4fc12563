package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The development identity providers: one OIDC issuer per province and the federation's, served
 * from one port as Keycloak serves realms ({@code <url>/realms/sh} … {@code /realms/federation}),
 * so that the services' issuer settings are the same against these and against Keycloak.
 */
public final class DevIssuers implements AutoCloseable {
  /** The audience every federation token names, and every service requires. */
  public static final String AUDIENCE = "yrd-federation";

  public static final String FEDERATION = "federation";

  /** The roles a provincial issuer grants; the federation's grants {@link Roles#AUDITOR}. */
  public static final List<String> PROVINCIAL_ROLES =
      List.of(Roles.REGISTRAR, Roles.SUPERVISOR, Roles.RECOGNITION_OFFICER, Roles.READER);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, DevIssuer> issuers;

  private DevIssuers(HttpServer server, ExecutorService executor, Map<String, DevIssuer> issuers) {
    this.server = server;
    this.executor = executor;
    this.issuers = issuers;
  }

  /** Starts the five issuers on {@code port} (0: any free port), keys kept under {@code keys}. */
  public static DevIssuers start(Path keys, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      Map<String, DevIssuer> issuers =
          load(keys, "http://127.0.0.1:" + server.getAddress().getPort());
      server.createContext(
          "/realms/",
          exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/realms/".length());
            int slash = path.indexOf('/');
            DevIssuer issuer = slash < 0 ? null : issuers.get(path.substring(0, slash));
            if (issuer == null) {
              DevIssuer.respond(exchange, 404, "{\"error\":\"realm not found\"}");
            } else {
              issuer.handle(exchange, path.substring(slash + 1));
            }
          });
      ExecutorService executor = Executors.newFixedThreadPool(4);
      server.setExecutor(executor);
      server.start();
      return new DevIssuers(server, executor, issuers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The issuers whose realms another process serves at {@code url}, to sign tokens with their keys
   * (kept under {@code keys}) without serving them.
   */
  public static DevIssuers signingOnly(Path keys, String url) {
    return new DevIssuers(null, null, load(keys, url));
  }

  private static Map<String, DevIssuer> load(Path keys, String url) {
    String base = url + "/realms/";
    Map<String, DevIssuer> issuers = new LinkedHashMap<>();
    for (Province province : Province.values()) {
      String realm = realm(province);
      issuers.put(
          realm,
          DevIssuer.load(
              realm, base + realm, province, PROVINCIAL_ROLES, keys.resolve("issuers/" + realm)));
    }
    issuers.put(
        FEDERATION,
        DevIssuer.load(
            FEDERATION,
            base + FEDERATION,
            null,
            List.of(Roles.AUDITOR),
            keys.resolve("issuers/" + FEDERATION)));
    return issuers;
  }

  /** Where the realms are served: the services' {@code YRD_OIDC_URL}. */
  public String url() {
    String issuer = federation().url();
    return issuer.substring(0, issuer.indexOf("/realms/"));
  }

  public DevIssuer of(Province province) {
    return issuers.get(realm(province));
  }

  public DevIssuer federation() {
    return issuers.get(FEDERATION);
  }

  /** Every issuer, by realm name (the services' OIDC tenant names). */
  public Map<String, DevIssuer> all() {
    return issuers;
  }

  /**
   * A token for a role from the province's issuer, or the federation's when {@code province} is
   * null.
   */
  public String token(String role, Province province, Duration validFor) {
    DevIssuer issuer = province == null ? federation() : of(province);
    String subject = role + (province == null ? "" : "-" + realm(province));
    return issuer.mint(subject, List.of(role), validFor);
  }

  /** The OIDC tenant (and realm) name of a province's issuer: {@code sh}, {@code js}… */
  public static String realm(Province province) {
    return province.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
