package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigstore.merkle.InclusionProofVerifier;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Anyone can recompute every leaf: 3,000 events with random times (any offset, 0 to 9 fraction
 * digits, trailing zeros included) are stored, and each served event is hashed again by {@link
 * ReadmeCanonicalizer}, written from the README alone; each inclusion proof is checked by
 * sigstore-java's verifier.
 */
@QuarkusTest
class CanonicalFormPropertyTest {
  private static final int EVENTS = 3_000;
  private static final Base64.Decoder B64 = Base64.getDecoder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final ZoneOffset[] OFFSETS = {
    ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHoursMinutes(-5, -30)
  };

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject AgroalDataSource dataSource;

  @Test
  void everyServedEventHashesToItsLeafAndItsProofVerifiesIndependently() throws Exception {
    Random random = new Random(20261206L);
    String type = "cn.yrd.test.canonical-" + UUID.randomUUID() + ".v1";
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      for (int i = 0; i < EVENTS; i++) {
        boolean registry = random.nextInt(10) > 0;
        String province = registry ? "SH" : null;
        events.send(
            UUID.randomUUID(),
            random.nextInt(50) == 0 ? null : randomTime(random),
            registry ? Topics.REGISTRATION : Topics.RECOGNITION,
            type,
            random.nextInt(20) == 0 ? null : "5131" + i,
            province,
            registry ? (long) random.nextInt(1_000_000) : null,
            "{\"n\":" + i + ",\"名称\":\"上海市" + i + "协会\",\"t\":\"a\\nb\"}");
      }
    }
    awaitCount(type);

    List<String> mismatches = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int trailingZeros = 0;
    String cursor = null;
    do {
      var request = auditor().queryParam("type", type).queryParam("limit", 1000);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonNode page =
          JSON.readTree(request.get("/api/v1/events").then().statusCode(200).extract().asString());
      for (JsonNode item : page.get("items")) {
        String served = item.get("leafHash").asText();
        String recomputed = Base64.getEncoder().encodeToString(ReadmeCanonicalizer.leafHash(item));
        String time = item.hasNonNull("time") ? item.get("time").asText() : null;
        if (!recomputed.equals(served)) {
          mismatches.add(item.get("eventId").asText() + " at " + time);
        }
        if (time != null && time.matches(".*\\.\\d*0Z")) {
          trailingZeros++;
        }
        ids.add(item.get("eventId").asText());
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);

    assertThat(ids).hasSize(EVENTS);
    assertThat(mismatches).as("events whose served fields do not hash to their leaf").isEmpty();
    assertThat(trailingZeros).as("times whose fraction ends in zero").isGreaterThan(1000);
    assertThat(unprovable(ids)).as("events whose proof sigstore-java rejects").isEmpty();
  }

  /** Checks every event's inclusion proof with sigstore-java, four requests at a time. */
  private static List<String> unprovable(List<String> ids) throws InterruptedException {
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (String id : ids) {
      pool.submit(
          () -> {
            try {
              JsonNode proven =
                  JSON.readTree(
                      auditor()
                          .get("/api/v1/events/" + id)
                          .then()
                          .statusCode(200)
                          .extract()
                          .asString());
              JsonNode proof = proven.get("proof");
              String[] checkpoint = proof.get("checkpoint").asText().split("\n");
              List<byte[]> hashes = new ArrayList<>();
              proof.get("hashes").forEach(h -> hashes.add(B64.decode(h.asText())));
              InclusionProofVerifier.verify(
                  B64.decode(proven.get("event").get("leafHash").asText()),
                  proven.get("event").get("leafIndex").asLong(),
                  Long.parseLong(checkpoint[1]),
                  hashes,
                  B64.decode(checkpoint[2]));
            } catch (Exception | AssertionError e) {
              failed.add(id + ": " + e.getMessage());
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    return List.copyOf(failed);
  }

  /**
   * A random instant from 1970 to 2099 written in a random offset with 0 to 9 fraction digits; half
   * of the fractions end in zeros (whole milliseconds or microseconds, or padded digits).
   */
  private static String randomTime(Random random) {
    long seconds = (long) (random.nextDouble() * 4_102_444_800L);
    int nanos =
        switch (random.nextInt(4)) {
          case 0 -> random.nextInt(1000) * 1_000_000;
          case 1 -> random.nextInt(100_000) * 10_000;
          case 2 -> random.nextInt(1_000_000) * 1_000;
          default -> random.nextInt(1_000_000_000);
        };
    ZoneOffset offset = OFFSETS[random.nextInt(OFFSETS.length)];
    String digits = String.format("%09d", nanos).substring(0, random.nextInt(10));
    String text = SECONDS.format(Instant.ofEpochSecond(seconds, nanos).atOffset(offset));
    return text
        + (digits.isEmpty() ? "" : "." + digits)
        + (offset == ZoneOffset.UTC ? "Z" : offset);
  }

  private void awaitCount(String type) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    long stored = 0;
    while (System.nanoTime() < deadline) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT count(*) FROM audit_event WHERE event_type = ?")) {
        query.setString(1, type);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          stored = rows.getLong(1);
        }
      }
      if (stored == EVENTS) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(stored + " of " + EVENTS + " events stored within 120 s");
  }

  private static RequestSpecification auditor() {
    return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR, null));
  }
}
