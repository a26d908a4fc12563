package cn.yrd.contracts;

import java.util.Arrays;
import java.util.Optional;

/** 省级民政部门: the four provincial-level civil-affairs authorities of the delta. */
public enum Province {
  SH("31", "上海", "Shanghai"),
  JS("32", "江苏", "Jiangsu"),
  ZJ("33", "浙江", "Zhejiang"),
  AH("34", "安徽", "Anhui");

  private final String divisionPrefix;
  private final String chineseName;
  private final String englishName;

  Province(String divisionPrefix, String chineseName, String englishName) {
    this.divisionPrefix = divisionPrefix;
    this.chineseName = chineseName;
    this.englishName = englishName;
  }

  /** The first two digits of every GB/T 2260 division code in this province. */
  public String divisionPrefix() {
    return divisionPrefix;
  }

  public String chineseName() {
    return chineseName;
  }

  public String englishName() {
    return englishName;
  }

  /** Whether a six-digit division code lies in this province. */
  public boolean contains(String divisionCode) {
    return divisionCode != null && divisionCode.startsWith(divisionPrefix);
  }

  /** The province a division code lies in, if it is one of the four. */
  public static Optional<Province> ofDivisionCode(String divisionCode) {
    if (divisionCode == null || divisionCode.length() < 2) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(p -> p.contains(divisionCode)).findFirst();
  }
}
