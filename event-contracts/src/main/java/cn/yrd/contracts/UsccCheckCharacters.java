package cn.yrd.contracts;

/** The two check-character algorithms of the USCC; shared by the validator and the generator. */
public final class UsccCheckCharacters {
  /** GB 32100 symbols; a symbol's value is its index. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final int[] FINAL_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private UsccCheckCharacters() {}

  /**
   * GB 11714 check character for an 8-character organization-code body (positions 9-16). Letters
   * count A=10 … Z=35 over the full Latin alphabet, unlike the USCC's own alphabet.
   */
  public static char organizationCodeCheck(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < ORG_CODE_WEIGHTS.length; i++) {
      sum += Character.digit(body.charAt(i), 36) * ORG_CODE_WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  /** GB 32100 check character over the first 17 characters. */
  public static char finalCheck(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < FINAL_WEIGHTS.length; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * FINAL_WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
