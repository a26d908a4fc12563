package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class UsccValidatorTest {

  @ParameterizedTest(name = "{0} is a valid USCC")
  @CsvSource({
    "91350100M000100Y43", // the standard's worked example (market regulation, Fuzhou)
    "53100000500021676K", // a national foundation
    "5332058300000006XY", // organization-code check written X
    "53320583000000190X", // organization-code check 11 written 0, final check X
  })
  void acceptsValidCodes(String code) {
    assertThat(UsccValidator.check(code)).isEmpty();
    assertThat(Uscc.parse(code).value()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0}: {1} at position {2}")
  @CsvSource({
    "53100000500021676, LENGTH, 0",
    "53100000500021676KK, LENGTH, 0",
    "53100000500021676k, ALPHABET, 18",
    "5310000050002I676K, ALPHABET, 14",
    "531O0000500021676K, ALPHABET, 4",
    "B13101155000216762, AUTHORITY_KIND, 1",
    "51A101155000216767, DIVISION_CODE, 3",
    "51990000500021676L, DIVISION_CODE, 3",
    "513101155000216755, ORGANIZATION_CODE_CHECK, 17",
    "53100000500021676J, CHECK_CHARACTER, 18",
  })
  void rejectsCodesFailingExactlyOneRule(String code, UsccRule rule, int position) {
    Optional<UsccViolation> violation = UsccValidator.check(code);

    assertThat(violation).isPresent();
    assertThat(violation.get().rule()).isEqualTo(rule);
    assertThat(violation.get().position()).isEqualTo(position);
    assertThatThrownBy(() -> Uscc.parse(code))
        .isInstanceOf(InvalidUsccException.class)
        .satisfies(e -> assertThat(((InvalidUsccException) e).violation().rule()).isEqualTo(rule));
  }

  @ParameterizedTest(name = "civil affairs rejects {0}: {1}")
  @CsvSource({
    "91350100M000100Y43, AUTHORITY_KIND, 1, accepts only '5'",
    "913101155000216764, AUTHORITY_KIND, 1, accepts only '5'",
    "54310115500021676Y, CATEGORY, 2, 1, 2, 3 or 9",
  })
  void civilAffairsRegistryAcceptsOnlyItsOwnAuthorityAndCategories(
      String code, UsccRule rule, int position, String messagePart) {
    assertThat(UsccValidator.check(code)).isEmpty();

    UsccViolation violation = UsccValidator.checkCivilAffairs(code).orElseThrow();

    assertThat(violation.rule()).isEqualTo(rule);
    assertThat(violation.position()).isEqualTo(position);
    assertThat(violation.message()).contains(messagePart);
  }

  @Test
  void messagesNameTheFailingRuleAndPosition() {
    assertThat(UsccValidator.check("53100000500021676J").orElseThrow().message())
        .isEqualTo("position 18 is 'J' but the check character is 'K'");
    assertThat(UsccValidator.check("51990000500021676L").orElseThrow().message())
        .contains("990000");
    assertThat(UsccValidator.check(null).orElseThrow().message()).contains("got 0");
  }

  @Test
  void decodesTheStructure() {
    Uscc national = Uscc.parseCivilAffairs("53100000500021676K");
    assertThat(national.authorityKind()).isEqualTo('5');
    assertThat(national.category()).contains(OrgCategory.FOUNDATION);
    assertThat(national.divisionCode()).isEqualTo("100000");
    assertThat(national.isNational()).isTrue();
    assertThat(national.province()).isEmpty();
    assertThat(national.organizationCode()).isEqualTo("500021676");

    Uscc kunshan = Uscc.parseCivilAffairs("5332058300000006XY");
    assertThat(kunshan.province()).contains(Province.JS);
    assertThat(kunshan.isNational()).isFalse();

    assertThat(Uscc.parse("91350100M000100Y43").category()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(OrgCategory.class)
  void generatedCodesAreValidForTheirProvinceDivisionAndCategory(OrgCategory category) {
    SplittableRandom random = new SplittableRandom(7);
    String[][] divisions = {{"SH", "310115"}, {"JS", "320583"}, {"ZJ", "330100"}, {"AH", "340100"}};
    for (String[] division : divisions) {
      Province province = Province.valueOf(division[0]);
      for (int i = 0; i < 500; i++) {
        Uscc code = UsccGenerator.random(province, division[1], category, random);
        assertThat(UsccValidator.checkCivilAffairs(code.value())).isEmpty();
        assertThat(code.province()).contains(province);
        assertThat(code.divisionCode()).isEqualTo(division[1]);
        assertThat(code.category()).contains(category);
      }
    }
  }

  @Test
  void generatorRefusesADivisionOutsideTheProvince() {
    assertThatThrownBy(
            () -> UsccGenerator.generate(Province.SH, "320583", OrgCategory.SOCIAL_GROUP, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("320583");
  }
}
