package cn.yrd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A case file with an error is refused with its file, line and what is wrong; never skipped. */
class CaseFileTest {
  private static final String GOOD =
      """
      rule: R-CONFLICT-06
      cases:
        - name: barred the day before the bar ends
          outcome: positive
          steps:
            - register: {org: a, province: SH}
            - revoke: {org: a, date: D-5y+1d}
            - day: D+1d
            - expectConflict: {org: a, rule: R-CONFLICT-06, status: NONE}
      """;

  @TempDir Path folder;

  @Test
  void readsAWellFormedFile() throws IOException {
    List<Case> cases = CaseFile.read(write(GOOD));
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.rule()).isEqualTo("R-CONFLICT-06");
              assertThat(c.positive()).isTrue();
              assertThat(c.steps()).hasSize(4);
              assertThat(c.movesTheClock()).isTrue();
            });
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("rule: R-CONFLICT-06\ncases: []\n", 2, "non-empty"),
        Arguments.of("rule: conflict six\ncases: [x]\n", 1, "rule ID"),
        Arguments.of(
            GOOD.replace("outcome: positive", "outcome: maybe"), 4, "positive or negative"),
        Arguments.of(GOOD.replace("revoke:", "revok:"), 7, "unknown step 'revok'"),
        Arguments.of(GOOD.replace("province: SH", "provnce: SH"), 6, "unknown field 'provnce'"),
        Arguments.of(GOOD.replace("province: SH", "province: XX"), 6, "province"),
        Arguments.of(GOOD.replace("date: D-5y+1d", "date: D-5x"), 7, "not a date"),
        Arguments.of(GOOD.replace("{org: a, date: D-5y+1d}", "{org: a}"), 7, "needs 'date'"),
        Arguments.of(
            GOOD.replace("status: NONE}", "status: NONE, refused: R-X}"),
            9,
            "unknown field 'refused'"),
        Arguments.of(GOOD.replace("- name:", "- nam:"), 3, "unknown field 'nam'"),
        Arguments.of(GOOD + "  - [unclosed\n", 11, "not YAML"));
  }

  @ParameterizedTest(name = "line {1}: {2}")
  @MethodSource("broken")
  void refusesABrokenFileNamingFileLineAndProblem(String text, int line, String problem)
      throws IOException {
    Path file = write(text);
    assertThatThrownBy(() -> CaseFile.read(file))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining(file.toString() + ":" + line + ":")
        .hasMessageContaining(problem);
  }

  private Path write(String text) throws IOException {
    Path file = folder.resolve("case.yaml");
    Files.writeString(file, text);
    return file;
  }
}
