package cn.yrd.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Topics;
import cn.yrd.local.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The C2SP tlog-tiles read API: tiles and bundles agree with each other and with the root. */
@QuarkusTest
class TilesApiTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void servesTilesAndBundlesThatHashUpToTheCheckpointsRoot() throws Exception {
    UUID last = null;
    try (AuditEvents events = new AuditEvents(bootstrapServers)) {
      for (int i = 0; i < 600; i++) {
        last =
            events.send(
                Topics.REGISTRATION,
                "cn.yrd.registration.amended.v1",
                "51310000MJ0000000" + (i % 10),
                "SH",
                (long) i,
                "{\"i\":" + i + "}");
      }
    }
    InfrastructureWiringTest.awaitStored(last);
    // Asking for the newest event's proof signs a checkpoint that covers it.
    auditor().get("/api/v1/events/" + last).then().statusCode(200);

    Response checkpoint = auditor().get("/tlog/checkpoint");
    checkpoint.then().statusCode(200).contentType("text/plain");
    String[] lines = checkpoint.asString().split("\n");
    long size = Long.parseLong(lines[1]);
    byte[] root = Base64.getDecoder().decode(lines[2]);
    assertThat(size).isGreaterThanOrEqualTo(600);

    byte[][] leaves = new byte[(int) size][];
    long fullTiles = size / 256;
    for (long n = 0; n <= fullTiles; n++) {
      int width = n < fullTiles ? 256 : (int) (size % 256);
      if (width == 0) {
        break;
      }
      String path = TilePathText.of(n, width);
      Response tile = auditor().get("/tlog/tile/0/" + path);
      tile.then().statusCode(200).contentType("application/octet-stream");
      assertThat(tile.header("Cache-Control")).contains("immutable");
      byte[] hashes = tile.asByteArray();
      assertThat(hashes).hasSize(width * 32);
      ByteBuffer bundle =
          ByteBuffer.wrap(auditor().get("/tlog/tile/entries/" + path).asByteArray());
      for (int i = 0; i < width; i++) {
        byte[] entry = new byte[bundle.getShort() & 0xFFFF];
        bundle.get(entry);
        byte[] leaf = Arrays.copyOfRange(hashes, i * 32, i * 32 + 32);
        assertThat(sha256(new byte[] {0}, entry)).as("entry %d", n * 256 + i).isEqualTo(leaf);
        leaves[(int) (n * 256 + i)] = leaf;
      }
      assertThat(bundle.hasRemaining()).isFalse();
    }
    assertThat(mth(leaves, 0, (int) size)).as("root from the tiles").isEqualTo(root);

    byte[] level1 = auditor().get("/tlog/tile/1/000.p/" + fullTiles).asByteArray();
    assertThat(Arrays.copyOfRange(level1, 0, 32)).isEqualTo(mth(leaves, 0, 256));

    auditor().get("/tlog/tile/0/" + TilePathText.of(fullTiles + 5, 256)).then().statusCode(404);
    auditor().get("/tlog/tile/0/x000/001").then().statusCode(404);
    auditor().get("/tlog/tile/64/000").then().statusCode(404);
    given()
        .header("Authorization", TestTokens.bearer(Roles.READER, Province.SH))
        .get("/tlog/tile/entries/000")
        .then()
        .statusCode(403);
    given().get("/tlog/checkpoint").then().statusCode(401);
  }

  /** RFC 6962 §2.1: the Merkle tree hash of leaves [from, to). */
  private static byte[] mth(byte[][] leaves, int from, int to) throws Exception {
    if (to - from == 1) {
      return leaves[from];
    }
    int split = Integer.highestOneBit(to - from - 1);
    return sha256(new byte[] {1}, mth(leaves, from, from + split), mth(leaves, from + split, to));
  }

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  private static RequestSpecification auditor() {
    return given().header("Authorization", TestTokens.bearer(Roles.AUDITOR, null));
  }

  /** The path of tile n as the spec writes it, spelled out here rather than taken from main. */
  private static final class TilePathText {
    static String of(long n, int width) {
      String s = String.format("%03d", n % 1000);
      for (long rest = n / 1000; rest > 0; rest /= 1000) {
        s = String.format("x%03d/", rest % 1000) + s;
      }
      return width == 256 ? s : s + ".p/" + width;
    }
  }
}
