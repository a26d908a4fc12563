package cn.yrd.contracts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 18 characters, six of region, eight of birth date, three of sequence and
 * a check character (0-9 or X). It never leaves its province: events carry a {@link
 * PersonReference} instead, and responses show {@link #mask(String)}.
 */
public final class ResidentIdNumber {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private ResidentIdNumber() {}

  /** Trims and upper-cases the check character, the only letter an ID number may hold. */
  public static String normalize(String idNumber) {
    return idNumber == null ? null : idNumber.trim().toUpperCase(Locale.ROOT);
  }

  /** The first rule the (normalized) ID number breaks, or empty if it is valid. */
  public static Optional<String> check(String idNumber) {
    String id = normalize(idNumber);
    if (id == null || !id.matches("\\d{17}[\\dX]")) {
      return Optional.of("must be 17 digits and a check digit or X");
    }
    if (!isProvinceCode(Integer.parseInt(id.substring(0, 2)))) {
      return Optional.of(
          "R-PERSON-01: positions 1-2 ("
              + id.substring(0, 2)
              + ") are not a province code of GB/T 2260");
    }
    try {
      LocalDate born = LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
      if (born.isAfter(LocalDate.now()) || born.getYear() < 1900) {
        return Optional.of("birth date " + id.substring(6, 14) + " is not plausible");
      }
    } catch (DateTimeParseException e) {
      return Optional.of("positions 7-14 are not a birth date: " + id.substring(6, 14));
    }
    char expected = checkCharacter(id);
    if (id.charAt(17) != expected) {
      return Optional.of("check character is '" + id.charAt(17) + "', expected '" + expected + "'");
    }
    return Optional.empty();
  }

  /**
   * GB/T 2260's province-level codes: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, and 71, 81, 82, 83
   * (Taiwan, Hong Kong, Macao, and the code of residence permits for their residents).
   */
  static boolean isProvinceCode(int code) {
    return (code >= 11 && code <= 15)
        || (code >= 21 && code <= 23)
        || (code >= 31 && code <= 37)
        || (code >= 41 && code <= 46)
        || (code >= 50 && code <= 54)
        || (code >= 61 && code <= 65)
        || code == 71
        || (code >= 81 && code <= 83);
  }

  /** The birth date of a valid ID number. */
  public static LocalDate birthDate(String idNumber) {
    return LocalDate.parse(normalize(idNumber).substring(6, 14), BIRTH_DATE);
  }

  /**
   * R-PERSON-02: whether the holder has completed 18 years on {@code day}. Full years count from
   * the day after the birthday (周岁从周岁生日的第二天起算), so one born on 29 February is 18 from 1 March.
   */
  public static boolean isAdultOn(String idNumber, LocalDate day) {
    return day.isAfter(birthDate(idNumber).plusYears(18));
  }

  /** The GB 11643 check character over the first 17 digits. */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** A valid ID number for a region, birth date and 3-digit sequence; for tests and demo data. */
  public static String compose(String region, LocalDate born, int sequence) {
    String first17 = region + born.format(BIRTH_DATE) + String.format("%03d", sequence % 1000);
    return first17 + checkCharacter(first17);
  }

  /** Shows the first four and last four characters only: {@code 3101**********123X}. */
  public static String mask(String idNumber) {
    String id = normalize(idNumber);
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }
}
