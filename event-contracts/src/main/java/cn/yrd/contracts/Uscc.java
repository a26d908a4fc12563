package cn.yrd.contracts;

import java.util.Optional;

/**
 * 统一社会信用代码: an organization's lifelong 18-character identifier (GB 32100-2015). Instances are
 * always valid; its region digits tell where the code was issued, not where the organization is
 * registered now.
 */
public record Uscc(String value) {

  public Uscc {
    requireValid(UsccValidator.check(value));
  }

  /** Any valid USCC. */
  public static Uscc parse(String code) {
    return new Uscc(code);
  }

  /** A USCC issued by a civil-affairs authority (position 1 is {@code 5}). */
  public static Uscc parseCivilAffairs(String code) {
    requireValid(UsccValidator.checkCivilAffairs(code));
    return new Uscc(code);
  }

  /** Position 1: the kind of registration authority, {@code 5} for civil affairs. */
  public char authorityKind() {
    return value.charAt(0);
  }

  /** Position 2 read as a civil-affairs category; empty for other authorities' categories. */
  public Optional<OrgCategory> category() {
    return authorityKind() == UsccValidator.CIVIL_AFFAIRS
        ? OrgCategory.ofCodeChar(value.charAt(1))
        : Optional.empty();
  }

  /** Positions 3-8: the GB/T 2260 division code of the authority that issued the code. */
  public String divisionCode() {
    return value.substring(2, 8);
  }

  /** The delta province the issuing authority belongs to, if it is one of the four. */
  public Optional<Province> province() {
    return Province.ofDivisionCode(divisionCode());
  }

  /** Whether the code was issued by the national ministry (division 100000). */
  public boolean isNational() {
    return UsccValidator.NATIONAL_DIVISION.equals(divisionCode());
  }

  /** Positions 9-17: the GB 11714 organization code with its own check character. */
  public String organizationCode() {
    return value.substring(8, 17);
  }

  private static void requireValid(Optional<UsccViolation> violation) {
    if (violation.isPresent()) {
      throw new InvalidUsccException(violation.get());
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
