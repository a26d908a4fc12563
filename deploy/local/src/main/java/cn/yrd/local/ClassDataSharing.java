package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dynamic class-data sharing (JDK 13+): a service's first clean stop writes an archive of the
 * classes it loaded; later starts map that archive instead of loading and verifying them again,
 * which about halves the start-up time for a jar on the class path (ADR 0007). One archive per
 * service name, so the four registries sharing a jar never write the same file; an archive older
 * than the jar is rebuilt. A JVM that cannot use an archive (another JDK) says so and starts
 * without it.
 */
final class ClassDataSharing {
  private ClassDataSharing() {}

  /** The JVM option that uses the service's archive, or writes it at exit if there is none yet. */
  static String option(Path jar, String serviceName) {
    Path archive = jar.resolveSibling(serviceName + ".jsa");
    try {
      if (Files.exists(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
        return "-XX:SharedArchiveFile=" + archive;
      }
      Files.deleteIfExists(archive);
      return "-XX:ArchiveClassesAtExit=" + archive;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
