package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvinceTest {

  @ParameterizedTest(name = "{0} lies in {1}")
  @CsvSource({
    "310115, SH",
    "320500, JS",
    "320583, JS",
    "330100, ZJ",
    "340100, AH",
  })
  void divisionCodesNameTheirProvince(String division, Province province) {
    assertThat(Province.ofDivisionCode(division)).contains(province);
  }

  @ParameterizedTest
  @CsvSource({"100000", "350100", "3", "''"})
  void divisionCodesOutsideTheDeltaNameNoProvince(String division) {
    assertThat(Province.ofDivisionCode(division)).isEmpty();
  }
}
