package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

  @ParameterizedTest(name = "{0} ≡ {1}")
  @CsvSource({
    "上海市軟件行業協會, 上海市软件行业协会",
    "'上海市 软件行业协会 ', 上海市软件行业协会",
    "上海市软件行业协会（筹）, 上海市软件行业协会筹",
    "'上海市ＡＢＣ软件协会', 上海市abc软件协会",
    "'上海市·软件、行业“协会”', 上海市软件行业协会",
  })
  void foldsSpellingsOfOneName(String spelling, String same) {
    assertThat(NameNormalizer.normalize(spelling)).isEqualTo(NameNormalizer.normalize(same));
  }

  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource({
    "上海市软件行业协会, 江苏省软件行业协会",
    "上海市软件行业协会, 上海市软件协会",
  })
  void keepsDifferentNamesApart(String a, String b) {
    assertThat(NameNormalizer.normalize(a)).isNotEqualTo(NameNormalizer.normalize(b));
  }
}
