package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tiles API read by a client not written here: {@code src/test/go/tilescheck}, built on Go's
 * {@code golang.org/x/mod/sumdb/tlog} and {@code sumdb/note} (Debian's golang-golang-x-mod-dev).
 * Runs with {@code -Pinterop}, which needs {@code go} on the PATH.
 */
@QuarkusTest
@Tag("interop")
class TilesInteropTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @TestHTTPResource("/tlog")
  URL prefix;

  @Test
  void goTlogClientVerifiesTheCheckpointEveryEntryAndTheLogsGrowth() throws Exception {
    JsonPath older = checkpointAfter(300);
    JsonPath newer = checkpointAfter(300);
    assertThat(newer.getLong("treeSize")).isGreaterThan(older.getLong("treeSize"));

    Path work = Path.of("target", "go");
    work.toFile().mkdirs();
    Path binary = work.resolve("tilescheck").toAbsolutePath();
    run(
        Path.of("src", "test", "go", "tilescheck"),
        "go",
        "build",
        "-o",
        binary.toString(),
        "main.go");
    String token = TestTokens.bearer(Roles.AUDITOR, null).substring("Bearer ".length());
    String output =
        run(
            work,
            binary.toString(),
            prefix.toString(),
            token,
            newer.getString("verifierKey"),
            Long.toString(older.getLong("treeSize")));

    assertThat(output)
        .startsWith("ok size=")
        .contains("oldRoot=" + older.getString("rootHash"))
        .contains("old=" + older.getLong("treeSize"));
  }

  /** Sends {@code count} events and has a checkpoint signed that includes them. */
  private JsonPath checkpointAfter(int count) throws Exception {
    UUID last = null;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      for (int i = 0; i < count; i++) {
        last =
            events.send(
                Topics.SUPERVISION,
                "cn.yrd.supervision.inspected.v1",
                "51320000MJ000000" + i,
                "JS",
                (long) i,
                "{\"i\":" + i + "}");
      }
    }
    InfrastructureWiringTest.awaitStored(last);
    given()
        .header("Authorization", TestTokens.bearer(Roles.AUDITOR, null))
        .get("/api/v1/events/" + last)
        .then()
        .statusCode(200);
    return given()
        .header("Authorization", TestTokens.bearer(Roles.AUDITOR, null))
        .get("/api/v1/checkpoints/latest")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String run(Path work, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(work.toFile());
    // GOPATH mode over Debian's Go sources: no module proxy, no network.
    builder.environment().put("GO111MODULE", "off");
    builder.environment().put("GOPATH", "/usr/share/gocode");
    builder
        .environment()
        .put("GOCACHE", Path.of("target", "go", "cache").toAbsolutePath().toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command[0], output).isZero();
    return output.strip();
  }
}
