package cn.yrd.contracts;

import java.util.Optional;
import java.util.Set;

/** Checks a string against GB 32100-2015 and reports the first rule it fails, in position order. */
public final class UsccValidator {
  /** 民政: the civil-affairs registration-authority kind. */
  public static final char CIVIL_AFFAIRS = '5';

  /** GB 32100 table 1: 机构编制 1 … 工商 9, 中央军委改革和编制办公室 A, 农业 N, 其他 Y. */
  private static final String AUTHORITY_KINDS = "123456789ANY";

  /** GB/T 2260 province-level prefixes; "10" only as the ministry's 100000. */
  private static final Set<String> PROVINCE_PREFIXES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** The division code of the Ministry of Civil Affairs (民政部), the national registry. */
  public static final String NATIONAL_DIVISION = "100000";

  private UsccValidator() {}

  /** Any valid USCC, whatever authority issued it. */
  public static Optional<UsccViolation> check(String code) {
    return check(code, false);
  }

  /** A USCC a civil-affairs registry may hold: authority {@code 5} and a civil-affairs category. */
  public static Optional<UsccViolation> checkCivilAffairs(String code) {
    return check(code, true);
  }

  private static Optional<UsccViolation> check(String code, boolean civilAffairs) {
    if (code == null || code.length() != 18) {
      int length = code == null ? 0 : code.length();
      return fail(UsccRule.LENGTH, 0, "must be 18 characters, got " + length);
    }
    for (int i = 0; i < 18; i++) {
      char c = code.charAt(i);
      if (UsccCheckCharacters.ALPHABET.indexOf(c) < 0) {
        return fail(
            UsccRule.ALPHABET,
            i + 1,
            "character '"
                + c
                + "' at position "
                + (i + 1)
                + " is not in the GB 32100 alphabet "
                + UsccCheckCharacters.ALPHABET);
      }
    }
    char authority = code.charAt(0);
    if (civilAffairs && authority != CIVIL_AFFAIRS) {
      return fail(
          UsccRule.AUTHORITY_KIND,
          1,
          "position 1 is '" + authority + "': a civil-affairs registry accepts only '5' (民政)");
    }
    if (AUTHORITY_KINDS.indexOf(authority) < 0) {
      return fail(
          UsccRule.AUTHORITY_KIND,
          1,
          "position 1 '" + authority + "' is no registration authority");
    }
    if (civilAffairs && OrgCategory.ofCodeChar(code.charAt(1)).isEmpty()) {
      return fail(
          UsccRule.CATEGORY,
          2,
          "position 2 is '" + code.charAt(1) + "': a civil-affairs category is 1, 2, 3 or 9");
    }
    Optional<UsccViolation> division = checkDivision(code.substring(2, 8));
    if (division.isPresent()) {
      return division;
    }
    char orgCheck = UsccCheckCharacters.organizationCodeCheck(code.substring(8, 16));
    if (code.charAt(16) != orgCheck) {
      return fail(
          UsccRule.ORGANIZATION_CODE_CHECK,
          17,
          "position 17 is '"
              + code.charAt(16)
              + "' but the organization-code check is '"
              + orgCheck
              + "'");
    }
    char finalCheck = UsccCheckCharacters.finalCheck(code.substring(0, 17));
    if (code.charAt(17) != finalCheck) {
      return fail(
          UsccRule.CHECK_CHARACTER,
          18,
          "position 18 is '"
              + code.charAt(17)
              + "' but the check character is '"
              + finalCheck
              + "'");
    }
    return Optional.empty();
  }

  private static Optional<UsccViolation> checkDivision(String division) {
    for (int i = 0; i < division.length(); i++) {
      if (!Character.isDigit(division.charAt(i))) {
        return fail(
            UsccRule.DIVISION_CODE,
            i + 3,
            "positions 3-8 must be a six-digit division code, got '" + division + "'");
      }
    }
    String prefix = division.substring(0, 2);
    if (!division.equals(NATIONAL_DIVISION) && !PROVINCE_PREFIXES.contains(prefix)) {
      return fail(
          UsccRule.DIVISION_CODE,
          3,
          "division code " + division + " names no province-level region of GB/T 2260");
    }
    return Optional.empty();
  }

  private static Optional<UsccViolation> fail(UsccRule rule, int position, String message) {
    return Optional.of(new UsccViolation(rule, position, message));
  }
}
