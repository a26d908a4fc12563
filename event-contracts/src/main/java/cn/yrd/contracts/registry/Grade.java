package cn.yrd.contracts.registry;

import java.time.LocalDate;

/** 评估等级: a grade of 1A to 5A, valid five years from the award. */
public record Grade(int level, LocalDate awardedOn, LocalDate expiresOn) {

  /** How long a grade stays valid. */
  public static final int VALID_YEARS = 5;

  public static Grade awarded(int level, LocalDate awardedOn) {
    return new Grade(level, awardedOn, awardedOn.plusYears(VALID_YEARS));
  }

  public boolean isValidOn(LocalDate day) {
    return !day.isBefore(awardedOn) && day.isBefore(expiresOn);
  }

  /** {@code 5A}. */
  public String label() {
    return level + "A";
  }
}
