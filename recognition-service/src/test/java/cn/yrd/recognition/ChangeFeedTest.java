package cn.yrd.recognition;

import static cn.yrd.recognition.Await.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.local.testing.TestTokens;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.service.feed.FeedLines;
import cn.yrd.recognition.service.feed.FeedRetention;
import cn.yrd.support.time.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The change feed as a provincial system that is not a Kafka client follows it: NDJSON and SSE,
 * resumed after a position, started from a snapshot.
 */
@QuarkusTest
class ChangeFeedTest extends PublishingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TestHTTPResource("/api/v1/feed")
  String feed;

  @Inject FeedRetention retention;

  @Test
  void aSubscriberKilledAtRandomPointsResumesWithNothingLostAndNothingRepeated() throws Exception {
    long start = newest();
    List<UUID> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Registries.Org org =
          Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省订阅测试协会" + UUID.randomUUID());
      events.add(registries.publish(org, EventTypes.REGISTERED));
    }
    Await.applied(events.toArray(UUID[]::new));
    Await.until(() -> newest() >= start + 60, "60 entries numbered");
    long end = newest();
    Map<Long, String> reference = new HashMap<>();
    for (String line : lines("after=" + start + "&follow=false")) {
      reference.put(JSON.readTree(line).path("position").asLong(), line);
    }
    assertThat(reference.keySet()).hasSize((int) (end - start));

    // Killed mid-stream, not at the end: follow=false ends each response once it has caught up.
    Random random = new Random(41);
    long at = start;
    int resumedMidEntry = 0;
    for (int kill = 0; kill < 100; kill++) {
      byte[] received = readThenKill("after=" + at + "&follow=false", 1 + random.nextInt(6_000));
      String text = new String(received, StandardCharsets.UTF_8);
      int lastNewline = text.lastIndexOf('\n');
      resumedMidEntry += lastNewline == text.length() - 1 ? 0 : 1;
      long expected = at + 1;
      for (String line :
          lastNewline < 0 ? new String[0] : text.substring(0, lastNewline).split("\n")) {
        JsonNode entry = JSON.readTree(line);
        if (entry.path("kind").asText().equals("HEARTBEAT")) {
          assertThat(entry.path("position").asLong()).isEqualTo(expected - 1);
          continue;
        }
        assertThat(entry.path("position").asLong()).as("kill %d", kill).isEqualTo(expected);
        if (expected <= end) {
          assertThat(line).isEqualTo(reference.get(expected));
        }
        at = expected++;
      }
      if (at >= end) {
        at = start;
      }
    }
    assertThat(resumedMidEntry).as("kills that cut an entry in half").isPositive();
  }

  @Test
  void aSnapshotFollowedByTheFeedReproducesTheView() throws Exception {
    List<Registries.Org> orgs = new ArrayList<>();
    List<UUID> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Registries.Org org =
          Registries.org(Province.AH, OrgCategory.FOUNDATION, "安徽省快照测试基金会" + UUID.randomUUID());
      orgs.add(org);
      events.add(registries.publish(org, EventTypes.REGISTERED));
    }
    Await.applied(events.toArray(UUID[]::new));
    // More changes land while the snapshot is read: new records, and new versions of old ones.
    CompletableFuture<List<UUID>> meanwhile =
        CompletableFuture.supplyAsync(
            () -> {
              List<UUID> more = new ArrayList<>();
              for (Registries.Org org : orgs) {
                org.name = org.name + "（更名）";
                more.add(registries.publish(org, EventTypes.AMENDED));
                more.add(
                    registries.publish(
                        Registries.org(
                            Province.SH, OrgCategory.SOCIAL_GROUP, "上海市快照测试协会" + UUID.randomUUID()),
                        EventTypes.REGISTERED));
              }
              return more;
            });
    List<String> snapshot =
        auditor()
            .accept("application/x-ndjson")
            .get("/api/v1/snapshot")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract()
            .asString()
            .lines()
            .toList();
    Await.applied(meanwhile.get().toArray(UUID[]::new));
    long position = JSON.readTree(snapshot.get(0)).path("position").asLong();
    Map<String, JsonNode> copy = new HashMap<>();
    for (String line : snapshot.subList(1, snapshot.size())) {
      keep(copy, JSON.readTree(line));
    }
    Await.until(ChangeFeedTest::allNumbered, "every entry numbered");
    for (String line : lines("after=" + position + "&follow=false&kind=ORGANIZATION")) {
      keep(copy, JSON.readTree(line).path("data"));
    }

    Map<String, JsonNode> view = view();
    assertThat(copy.keySet()).isEqualTo(view.keySet());
    for (Map.Entry<String, JsonNode> record : view.entrySet()) {
      assertThat(copy.get(record.getKey())).as(record.getKey()).isEqualTo(record.getValue());
    }
    assertThat(orgs)
        .allSatisfy(
            org ->
                assertThat(
                        copy.get(org.uscc + "|AH")
                            .path("event")
                            .path("organization")
                            .path("name")
                            .asText())
                    .endsWith("（更名）"));
  }

  @Test
  void serverSentEventsCarryThePositionAsTheirIdAndResumeByLastEventId() throws Exception {
    long start = newest();
    List<UUID> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(
          registries.publish(
              Registries.org(
                  Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省事件流测试协会" + UUID.randomUUID()),
              EventTypes.REGISTERED));
    }
    Await.applied(events.toArray(UUID[]::new));
    Await.until(() -> newest() >= start + 5, "5 entries numbered");
    List<String> ndjson = lines("after=" + start + "&follow=false");

    HttpResponse<String> sse =
        HTTP.send(
            request("after=0&follow=false")
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(start))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sse.statusCode()).isEqualTo(200);
    assertThat(sse.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<String> ids = new ArrayList<>();
    List<String> data = new ArrayList<>();
    for (String event : sse.body().split("\n\n")) {
      for (String field : event.split("\n")) {
        if (field.startsWith("id: ")) {
          ids.add(field.substring(4));
        } else if (field.startsWith("data: ")) {
          data.add(field.substring(6));
        }
      }
    }
    assertThat(data).isEqualTo(ndjson);
    assertThat(ids.get(0)).isEqualTo(Long.toString(start + 1));
    assertThat(ids).hasSize(ndjson.size());
  }

  @Test
  void aQuietFeedSendsHeartbeatsWithTheNewestPosition() throws Exception {
    long newest = newest();
    byte[] first = readThenKill("after=" + newest + "&kind=RECOGNITION&province=AH", 150);
    JsonNode heartbeat =
        JSON.readTree(new String(first, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    assertThat(heartbeat.path("kind").asText()).isEqualTo("HEARTBEAT");
    assertThat(heartbeat.path("position").asLong()).isGreaterThanOrEqualTo(newest);
  }

  @Test
  void filtersByProvinceAndKind() throws Exception {
    long start = newest();
    Registries.Org zj =
        Registries.org(Province.ZJ, OrgCategory.SOCIAL_GROUP, "浙江省过滤测试协会" + UUID.randomUUID());
    Registries.Org sh =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市过滤测试协会" + UUID.randomUUID());
    Await.applied(
        registries.publish(zj, EventTypes.REGISTERED),
        registries.publish(sh, EventTypes.REGISTERED));
    Await.until(() -> newest() >= start + 2, "2 entries numbered");
    List<String> only = lines("after=" + start + "&follow=false&province=ZJ&kind=ORGANIZATION");
    assertThat(only).isNotEmpty();
    for (String line : only) {
      JsonNode entry = JSON.readTree(line);
      assertThat(entry.path("kind").asText()).isEqualTo("ORGANIZATION");
      assertThat(entry.path("provinces").toString()).isEqualTo("[\"ZJ\"]");
    }
    assertThat(only).anySatisfy(line -> assertThat(line).contains(zj.uscc));
    assertThat(only).noneSatisfy(line -> assertThat(line).contains(sh.uscc));
  }

  @Test
  void refusesAPositionItCannotReadAndSendsAnExpiredOneToTheSnapshot() throws Exception {
    for (String bad : List.of("after=abc", "after=-1", "after=" + (newest() + 1_000))) {
      auditor()
          .get("/api/v1/feed?" + bad)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", is("after"));
    }
    auditor()
        .header("Last-Event-ID", "not-a-position")
        .get("/api/v1/feed")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("Last-Event-ID"));

    Await.applied(
        registries.publish(
            Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市保留期测试协会" + UUID.randomUUID()),
            EventTypes.REGISTERED));
    Await.until(ChangeFeedTest::allNumbered, "every entry numbered");
    long before = newest();
    Await.applied(
        registries.publish(
            Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市保留期测试协会" + UUID.randomUUID()),
            EventTypes.REGISTERED));
    Await.until(() -> newest() > before, "numbered");
    retention.prune(BusinessTime.now().plusSeconds(1));
    auditor()
        .get("/api/v1/feed?follow=false&after=" + before)
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", is("/problems/feed-position-expired"))
        .body("detail", containsString("/api/v1/snapshot"));
    auditor().get("/api/v1/feed?follow=false&after=" + newest()).then().statusCode(200);
  }

  /** The newest position numbered. */
  private static long newest() {
    return count(
        "SELECT coalesce((SELECT max(position) FROM feed_entry), pruned_through) FROM feed_horizon");
  }

  private static boolean allNumbered() {
    return count("SELECT count(*) FROM feed_entry WHERE position IS NULL") == 0;
  }

  private static long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult())
                    .longValue());
  }

  private static void keep(Map<String, JsonNode> copy, JsonNode record) {
    String key = record.path("uscc").asText() + "|" + record.path("province").asText();
    JsonNode held = copy.get(key);
    if (held == null || held.path("version").asLong() < record.path("version").asLong()) {
      copy.put(key, record);
    }
  }

  /** The view as stored, each record in the form the feed and the snapshot send. */
  private static Map<String, JsonNode> view() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, JsonNode> view = new HashMap<>();
              for (OrgRecord r : OrgRecord.<OrgRecord>listAll()) {
                view.put(r.uscc.strip() + "|" + r.province, JSON.readTree(FeedLines.record(r)));
              }
              return view;
            });
  }

  private List<String> lines(String query) throws Exception {
    HttpResponse<String> response =
        HTTP.send(request(query).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().lines().toList();
  }

  /** Reads up to {@code bytes} of a followed stream, then drops the connection. */
  private byte[] readThenKill(String query, int bytes) throws Exception {
    HttpResponse<InputStream> response =
        HTTP.send(request(query).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[1024];
      while (received.size() < bytes) {
        int n = in.read(buffer, 0, Math.min(buffer.length, bytes - received.size()));
        if (n < 0) {
          break;
        }
        received.write(buffer, 0, n);
      }
    }
    return received.toByteArray();
  }

  private HttpRequest.Builder request(String query) {
    return HttpRequest.newBuilder(URI.create(feed + "?" + query))
        .header("Authorization", TestTokens.bearer(Roles.READER, Province.SH));
  }
}
