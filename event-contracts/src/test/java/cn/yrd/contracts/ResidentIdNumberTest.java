package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTest {

  @ParameterizedTest(name = "{0} is valid")
  @CsvSource({"11010519491231002X", "110101199003074477"})
  void acceptsValidNumbers(String id) {
    assertThat(ResidentIdNumber.check(id)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "110101199003074478, check character",
    "1101011990030744, 17 digits",
    "11010119900307447Y, 17 digits",
    "110101199002304471, not a birth date",
    "110101290003074471, not plausible",
  })
  void rejectsInvalidNumbersNamingTheRule(String id, String messagePart) {
    assertThat(ResidentIdNumber.check(id)).get().asString().contains(messagePart);
  }

  @ParameterizedTest
  @CsvSource({
    "11010519491231002x, 11010519491231002X",
    "' 110101199003074477 ', 110101199003074477"
  })
  void normalizesCaseAndSpaces(String raw, String normalized) {
    assertThat(ResidentIdNumber.normalize(raw)).isEqualTo(normalized);
    assertThat(ResidentIdNumber.check(raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"31011519800101123X, 3101**********123X", "110101199003074477, 1101**********4477"})
  void masksAllButTheFirstAndLastFour(String id, String masked) {
    assertThat(ResidentIdNumber.mask(id)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"310115, 1980-01-01, 7", "320583, 1999-12-31, 123"})
  void composesValidNumbers(String region, LocalDate born, int sequence) {
    String id = ResidentIdNumber.compose(region, born, sequence);
    assertThat(ResidentIdNumber.check(id)).isEmpty();
    assertThat(id).startsWith(region);
  }

  @ParameterizedTest
  @CsvSource({"11010519491231002x", "11010519491231002X"})
  void personReferenceIgnoresCaseOfTheCheckCharacter(String id) {
    assertThat(PersonReference.of("k".getBytes(), id))
        .isEqualTo(PersonReference.of("k".getBytes(), "11010519491231002X"))
        .hasSize(64)
        .doesNotContain("110105");
  }
}
