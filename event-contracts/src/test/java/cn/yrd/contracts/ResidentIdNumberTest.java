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

  @ParameterizedTest(name = "province code {0}: valid {1}")
  @CsvSource({
    "11, true", "15, true", "16, false", "20, false", "21, true", "23, true", "24, false",
    "30, false", "31, true", "37, true", "38, false", "41, true", "46, true", "47, false",
    "50, true", "54, true", "55, false", "61, true", "65, true", "66, false", "70, false",
    "71, true", "72, false", "81, true", "83, true", "84, false", "99, false"
  })
  void theFirstTwoDigitsAreAProvinceCode(String province, boolean valid) {
    String id = ResidentIdNumber.compose(province + "0101", LocalDate.of(1980, 1, 1), 5);
    assertThat(ResidentIdNumber.check(id).isEmpty()).isEqualTo(valid);
    if (!valid) {
      assertThat(ResidentIdNumber.check(id)).get().asString().contains("R-PERSON-01");
    }
  }

  @ParameterizedTest(name = "born {0}, on {1}: adult {2}")
  @CsvSource({
    "2008-12-06, 2026-12-05, false",
    "2008-12-06, 2026-12-06, false",
    "2008-12-06, 2026-12-07, true",
    "2008-02-29, 2026-02-28, false",
    "2008-02-29, 2026-03-01, true",
    "1970-01-01, 2026-12-06, true"
  })
  void isAnAdultFromTheDayAfterTheEighteenthBirthday(LocalDate born, LocalDate on, boolean adult) {
    String id = ResidentIdNumber.compose("310115", born, 1);
    assertThat(ResidentIdNumber.isAdultOn(id, on)).isEqualTo(adult);
  }
}
