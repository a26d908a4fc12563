package cn.yrd.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL (zonky's packaged binaries) whose data folder survives a restart. */
final class EmbeddedPostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(Path dataDir, Path binariesDir, int port) {
    try {
      return new EmbeddedPostgresServer(
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binariesDir.toFile())
              .setPort(port)
              .setRegisterShutdownHook(false)
              // pg_trgm finds Chinese characters only with a Unicode-aware LC_CTYPE (V15,
              // NameSearch).
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "300")
              .setServerConfig("timezone", "Asia/Shanghai")
              // zonky's builder turns both off for test speed; an acknowledged write (a 201, a
              // consumed event) must survive a crash of PostgreSQL or of the host.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              // The default 128 MB is shared by every service's database: under load, backends
              // evicted dirty pages themselves and read back what another database had pushed out.
              .setServerConfig("shared_buffers", "1GB")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  PostgresServer server() {
    return new PostgresServer("127.0.0.1:" + postgres.getPort(), "postgres", "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
