package cn.yrd.contracts;

import java.util.random.RandomGenerator;

/** Makes valid civil-affairs USCCs, for tests and demo data. */
public final class UsccGenerator {
  private static final long BODY_RANGE = 100_000_000L;

  private UsccGenerator() {}

  /**
   * The code with organization-code body {@code serial} (8 digits) issued in a division of a
   * province.
   *
   * @throws IllegalArgumentException if the division code is not six digits of that province
   */
  public static Uscc generate(
      Province province, String divisionCode, OrgCategory category, long serial) {
    if (divisionCode == null
        || !divisionCode.matches("\\d{6}")
        || !province.contains(divisionCode)) {
      throw new IllegalArgumentException(
          "division code " + divisionCode + " is not a six-digit code of " + province);
    }
    if (serial < 0 || serial >= BODY_RANGE) {
      throw new IllegalArgumentException("serial must be in [0, 10^8), got " + serial);
    }
    String body = String.format("%08d", serial);
    String first17 =
        new StringBuilder()
            .append(UsccValidator.CIVIL_AFFAIRS)
            .append(category.codeChar())
            .append(divisionCode)
            .append(body)
            .append(UsccCheckCharacters.organizationCodeCheck(body))
            .toString();
    return Uscc.parseCivilAffairs(first17 + UsccCheckCharacters.finalCheck(first17));
  }

  /** A code with a random body. */
  public static Uscc random(
      Province province, String divisionCode, OrgCategory category, RandomGenerator random) {
    return generate(province, divisionCode, category, random.nextLong(BODY_RANGE));
  }
}
