package cn.yrd.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Dynamic class-data sharing (JDK 13+): a service's first run writes an archive of the classes it
 * loaded, as its JVM exits; later starts map that archive instead of loading and verifying them
 * again, which about halves the start-up time for a jar on the class path (ADR 0007). One archive
 * per service name, so the four registries sharing a jar never write the same file. From JDK 19 the
 * JVM keeps the archive itself ({@code -XX:+AutoCreateSharedArchive}): it checks the archive
 * against the class path and writes a new one at exit when it does not match. Before that, this
 * class does the same: an archive older than the jar, or one whose writing was cut short, is
 * rebuilt. A JVM that cannot use an archive (another JDK) says so and starts without it.
 */
final class ClassDataSharing {
  /** The dynamic archive's magic number, 0xf00baba8, as the JVM stores it (little-endian). */
  private static final byte[] MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};

  private static final int AUTO_CREATE_SINCE = 19;

  private ClassDataSharing() {}

  /**
   * The JVM options that use the service's archive, or write it at exit when there is no usable one
   * yet.
   */
  static List<String> options(Path jar, String serviceName) {
    return options(jar, serviceName, Runtime.version().feature());
  }

  static List<String> options(Path jar, String serviceName, int javaFeatureVersion) {
    Path archive = archive(jar, serviceName);
    if (javaFeatureVersion >= AUTO_CREATE_SINCE) {
      return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    }
    try {
      if (usable(jar, archive)) {
        return List.of("-XX:SharedArchiveFile=" + archive);
      }
      Files.deleteIfExists(archive);
      return List.of("-XX:ArchiveClassesAtExit=" + archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service's archive: beside its jar, one per service name. */
  static Path archive(Path jar, String serviceName) {
    return jar.resolveSibling(serviceName + ".jsa");
  }

  /** A line for the launcher: how this JVM keeps the archives. */
  static String describe() {
    return Runtime.version().feature() >= AUTO_CREATE_SINCE
        ? "Class-data archives: kept by the JVM (-XX:+AutoCreateSharedArchive), written as a"
            + " service exits when missing or out of date."
        : "Class-data archives: written as a service exits when missing or out of date"
            + " (-XX:ArchiveClassesAtExit).";
  }

  /** Whether a JVM of this service will write its archive when it exits (it has none usable). */
  static boolean writesArchive(Path jar, String serviceName) {
    try {
      return !usable(jar, archive(jar, serviceName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean usable(Path jar, Path archive) throws IOException {
    return Files.exists(archive)
        && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
        && complete(archive);
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
