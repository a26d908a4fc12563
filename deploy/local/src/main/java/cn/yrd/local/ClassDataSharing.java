package cn.yrd.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Dynamic class-data sharing (JDK 13+): a service's first clean stop writes an archive of the
 * classes it loaded; later starts map that archive instead of loading and verifying them again,
 * which about halves the start-up time for a jar on the class path (ADR 0007). One archive per
 * service name, so the four registries sharing a jar never write the same file; an archive older
 * than the jar, or one whose writing was cut short, is rebuilt. A JVM that cannot use an archive
 * (another JDK) says so and starts without it.
 */
final class ClassDataSharing {
  /** The dynamic archive's magic number, 0xf00baba8, as the JVM stores it (little-endian). */
  private static final byte[] MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};

  private ClassDataSharing() {}

  /** The JVM option that uses the service's archive, or writes it at exit if there is none yet. */
  static String option(Path jar, String serviceName) {
    Path archive = jar.resolveSibling(serviceName + ".jsa");
    try {
      if (Files.exists(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
          && complete(archive)) {
        return "-XX:SharedArchiveFile=" + archive;
      }
      Files.deleteIfExists(archive);
      return "-XX:ArchiveClassesAtExit=" + archive;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the JVM started with this option writes the archive when it exits. */
  static boolean writesArchive(String option) {
    return option.startsWith("-XX:ArchiveClassesAtExit=");
  }

  /**
   * The JVM writes the archive's header, magic number first, after everything else: a service
   * killed while it was writing (a stop that timed out) leaves a file of zeros there, which every
   * later start would map in vain, starting as slowly as without an archive.
   */
  private static boolean complete(Path archive) throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }
}
