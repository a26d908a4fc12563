package cn.yrd.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassDataSharingTest {
  private static final byte[] WRITTEN_ARCHIVE_START = {
    (byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0x58, 0x65, 0x0b, 0x00
  };

  @TempDir Path dir;

  private static final int JDK_17 = 17;

  @Test
  void writesAnArchiveWhenThereIsNone() throws Exception {
    Path jar = jar();

    assertThat(ClassDataSharing.writesArchive(jar, "audit")).isTrue();
    assertThat(ClassDataSharing.options(jar, "audit", JDK_17))
        .containsExactly("-XX:ArchiveClassesAtExit=" + dir.resolve("audit.jsa"));
  }

  @Test
  void usesACompleteArchiveNewerThanTheJar() throws Exception {
    Path jar = jar();
    Path archive = archive(WRITTEN_ARCHIVE_START, jar, 60);

    assertThat(ClassDataSharing.writesArchive(jar, "audit")).isFalse();
    assertThat(ClassDataSharing.options(jar, "audit", JDK_17))
        .containsExactly("-XX:SharedArchiveFile=" + archive);
  }

  @Test
  void rebuildsAnArchiveOlderThanTheJar() throws Exception {
    Path jar = jar();
    Path archive = archive(WRITTEN_ARCHIVE_START, jar, -60);

    assertThat(ClassDataSharing.writesArchive(jar, "audit")).isTrue();
    assertThat(ClassDataSharing.options(jar, "audit", JDK_17))
        .containsExactly("-XX:ArchiveClassesAtExit=" + archive);
    assertThat(archive).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(ints = {19, 21, 25})
  void leavesTheArchiveToTheJvmFromJdk19(int feature) throws Exception {
    Path jar = jar();
    Path archive = archive(WRITTEN_ARCHIVE_START, jar, -60);

    assertThat(ClassDataSharing.options(jar, "audit", feature))
        .containsExactly("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    assertThat(archive).exists();
  }

  /** What a killed dump leaves behind: zeros where the header goes, or a file barely begun. */
  static Stream<byte[]> archivesCutShort() {
    return Stream.of(new byte[4096], new byte[0], Arrays.copyOf(WRITTEN_ARCHIVE_START, 3));
  }

  @ParameterizedTest
  @MethodSource("archivesCutShort")
  void rebuildsAnArchiveWhoseWritingWasCutShort(byte[] content) throws Exception {
    Path jar = jar();
    Path archive = archive(content, jar, 60);

    assertThat(ClassDataSharing.options(jar, "audit", JDK_17))
        .containsExactly("-XX:ArchiveClassesAtExit=" + archive);
    assertThat(archive).doesNotExist();
  }

  private Path jar() throws Exception {
    return Files.write(dir.resolve("audit-service-runner.jar"), new byte[] {1, 2, 3});
  }

  private Path archive(byte[] content, Path jar, long secondsAfterJar) throws Exception {
    Path archive = Files.write(dir.resolve("audit.jsa"), content);
    Instant jarTime = Files.getLastModifiedTime(jar).toInstant();
    Files.setLastModifiedTime(archive, FileTime.from(jarTime.plusSeconds(secondsAfterJar)));
    return archive;
  }
}
