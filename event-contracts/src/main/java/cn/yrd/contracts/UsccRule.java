package cn.yrd.contracts;

/**
 * The rules of GB 32100-2015 a Unified Social Credit Code can fail, in the order they are checked.
 */
public enum UsccRule {
  /** Exactly 18 characters. */
  LENGTH,
  /** Only the 31 symbols 0-9 and A-Y without I, O, Z, S, V. */
  ALPHABET,
  /** Position 1: a known registration-authority kind; for a civil-affairs registry, {@code 5}. */
  AUTHORITY_KIND,
  /** Position 2: a civil-affairs category (1, 2, 3 or 9). */
  CATEGORY,
  /**
   * Positions 3-8: six digits naming a GB/T 2260 province-level region or the ministry (100000).
   */
  DIVISION_CODE,
  /** Position 17: the GB 11714 organization-code check character over positions 9-16. */
  ORGANIZATION_CODE_CHECK,
  /** Position 18: the GB 32100 check character over positions 1-17. */
  CHECK_CHARACTER
}
