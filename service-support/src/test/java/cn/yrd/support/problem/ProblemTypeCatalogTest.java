package cn.yrd.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTypeCatalogTest {
  private static final ProblemTypeCatalog CATALOG = ProblemTypeCatalog.load();

  @ParameterizedTest
  @CsvSource({
    "validation, The request is not valid, Correct each field",
    "precondition-required, If-Match required, send the change with If-Match",
    "http-405, HTTP 405, Allow lists the ones it does",
    "rule/R-LIST-01, R-LIST-01, LARGE_FINE needs a fine",
    "rule/R-GRADE-03, R-GRADE-03, keeps the award's expiry",
    "rule/not-pending, not-pending, not pending review"
  })
  void explainsEachProblemTypeAndItsFix(String name, String title, String text) {
    Optional<String> page = CATALOG.page(name);
    assertThat(page).isPresent();
    assertThat(page.get())
        .contains("<h1>")
        .contains(title)
        .contains("How to fix it")
        .contains(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonsense", "rule/R-NOPE-99", "http-999", "rule/"})
  void hasNoPageForATypeNoServiceGives(String name) {
    assertThat(CATALOG.page(name)).isEmpty();
  }
}
