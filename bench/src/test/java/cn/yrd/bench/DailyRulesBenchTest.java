package cn.yrd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps figure 6 working: a small federation is loaded, moved a day and a year, and reported. */
class DailyRulesBenchTest {

  @Test
  void theDailyReEvaluationIsTimedBesideItsBaseline() throws Exception {
    Path root = Path.of(System.getProperty("yrd.root", "..")).toAbsolutePath().normalize();
    String markdown = DailyRulesBench.run(root, 2_000);

    assertThat(markdown)
        .contains("| one business day |", "| a missed year caught up at once |")
        .contains("one SQL pass over the 2,000 rows")
        .doesNotContain("NaN");
  }
}
