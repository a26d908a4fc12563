package cn.yrd.e2e;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.local.Federation;
import cn.yrd.local.InfraSettings;
import cn.yrd.local.Infrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Starting the federation for a test class, and what tests ask of it alike. */
final class TestFederation {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  private TestFederation() {}

  static Path root() {
    return Path.of(System.getProperty("yrd.root", "../..")).toAbsolutePath().normalize();
  }

  static Federation start(String name) {
    return Federation.start(options(name));
  }

  static Federation start(String name, Infrastructure infrastructure) {
    return Federation.start(options(name), infrastructure);
  }

  private static Federation.Options options(String name) {
    return new Federation.Options(
        root(), Path.of("target", name).toAbsolutePath(), InfraSettings.forTests(), false);
  }

  /** A new registration request for a province, with a valid code and ID number. */
  static ObjectNode registration(Province province, String division, String person) {
    long serial = SERIAL.incrementAndGet();
    ObjectNode body = JSON.createObjectNode();
    body.put(
        "uscc",
        UsccGenerator.generate(province, division, OrgCategory.SOCIAL_GROUP, serial).value());
    body.put("name", province.chineseName() + "可靠性测试协会" + serial);
    body.put("category", OrgCategory.SOCIAL_GROUP.name());
    ObjectNode rep = body.putObject("legalRepresentative");
    rep.put("name", "王芳");
    rep.put(
        "idNumber",
        person != null
            ? person
            : ResidentIdNumber.compose(division, LocalDate.of(1975, 1, 1), (int) (serial % 999)));
    body.put("domicile", "住所" + serial);
    body.put("businessScope", "行业服务");
    body.put("registeredFunds", 100_000);
    body.put("registrationAuthority", province.chineseName() + "民政部门");
    body.put("establishmentDate", "2019-03-01");
    return body;
  }

  /** Registers a new organization through the province's registry; returns its USCC. */
  static String register(Federation federation, Province province, String division, String person) {
    var response =
        Http.send(
            "POST",
            federation.registryUrl(province) + "/api/v1/registrations",
            federation.token(cn.yrd.contracts.Roles.REGISTRAR, province),
            "application/json",
            registration(province, division, person).toString());
    if (response.statusCode() != 201) {
      throw new AssertionError("registration refused: " + response.body());
    }
    return json(response.body()).path("uscc").asText();
  }

  /**
   * The home registrar asks a host province to recognize an organization; returns the request id.
   */
  static String requestRecognition(
      Federation federation, Province home, String uscc, Province host) {
    var response =
        Http.send(
            "POST",
            federation.url("recognition") + "/api/v1/recognitions",
            federation.token(cn.yrd.contracts.Roles.REGISTRAR, home),
            "application/json",
            "{\"uscc\":\"" + uscc + "\",\"hostProvince\":\"" + host + "\",\"scope\":\"OPERATE\"}");
    if (response.statusCode() != 201) {
      throw new AssertionError("recognition request refused: " + response.body());
    }
    return json(response.body()).path("id").asText();
  }

  /** Waits until audit holds at least {@code events} events about an organization; returns them. */
  static JsonNode awaitAuditTrail(Federation federation, String uscc, int events) {
    String auditor = federation.token(cn.yrd.contracts.Roles.AUDITOR, null);
    String url = federation.url("audit") + "/api/v1/events?uscc=" + uscc;
    await(
        () -> json(Http.get(url, auditor)).path("items").size() >= events,
        Duration.ofSeconds(60),
        events + " audit events about " + uscc);
    return json(Http.get(url, auditor)).path("items");
  }

  /** Waits for the first conflict recognition raised about an organization; returns its id. */
  static String awaitConflictOf(Federation federation, String uscc) {
    String auditor = federation.token(cn.yrd.contracts.Roles.AUDITOR, null);
    String url = federation.url("recognition") + "/api/v1/conflicts?uscc=" + uscc;
    await(
        () -> json(Http.get(url, auditor)).path("items").size() > 0,
        Duration.ofSeconds(60),
        "a conflict about " + uscc);
    return json(Http.get(url, auditor)).path("items").get(0).path("id").asText();
  }

  static String division(Province province) {
    return switch (province) {
      case SH -> "310115";
      case JS -> "320583";
      case ZJ -> "330106";
      case AH -> "340104";
    };
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One number from a service's database. */
  static long count(Federation federation, String database, String sql) {
    return Long.parseLong(lines(federation, database, sql).get(0));
  }

  /** One text value (e.g. a digest) from a service's database. */
  static String text(Federation federation, String database, String sql) {
    return lines(federation, database, sql).get(0);
  }

  /** Every row of a one-column query, as text. */
  static java.util.List<String> lines(Federation federation, String database, String sql) {
    var postgres = federation.infrastructure().postgres();
    java.util.List<String> lines = new java.util.ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(database), postgres.user(), postgres.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        lines.add(r.getString(1));
      }
      return lines;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static void await(Supplier<Boolean> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      sleep(250);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Appends a figure line to target/reliability-figures.md, for docs/reliability.md. */
  static void figure(String line) {
    Path file = Path.of("target", "reliability-figures.md");
    try {
      Files.writeString(
          file,
          line + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("FIGURE " + line);
  }
}
