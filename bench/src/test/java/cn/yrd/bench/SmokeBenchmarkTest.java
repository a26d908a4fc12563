package cn.yrd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the harness working: the smoke run measures every figure and writes its report. */
class SmokeBenchmarkTest {

  @Test
  void theSmokeRunMeasuresEveryFigureBesideItsBaseline() throws Exception {
    Path root = Path.of(System.getProperty("yrd.root", "..")).toAbsolutePath().normalize();
    Path report = Path.of("target", "benchmarks-smoke.md");
    String markdown = BenchMain.run(root, BenchMain.Sizes.SMOKE, report);

    assertThat(Files.readString(report)).isEqualTo(markdown);
    for (String figure :
        new String[] {
          "| 1a |", "| 1b |", "| 2 |", "| 3a |", "| 3b |", "| 4a |", "| 4b |", "| 4c |", "| 5 |",
          "| 7a |", "| 7b |", "| 8a |", "| 8b |", "| 8c |"
        }) {
      assertThat(markdown).contains(figure);
    }
    assertThat(markdown)
        .contains("JDBC org+outbox insert", "raw Kafka produce", "log intact: yes")
        .contains("; 0 sightings missing")
        .contains("4 of the 4 raised by a registration flagged, 1 of them refused")
        .doesNotContain("NaN");
  }
}
