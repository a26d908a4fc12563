package cn.yrd.contracts;

import java.util.Arrays;
import java.util.Optional;

/** 社会组织类别: the civil-affairs category, written as the USCC's second character. */
public enum OrgCategory {
  /** 社会团体. */
  SOCIAL_GROUP('1', "社会团体"),
  /** 民办非企业单位 / 社会服务机构. */
  SOCIAL_SERVICE_INSTITUTION('2', "社会服务机构"),
  /** 基金会. */
  FOUNDATION('3', "基金会"),
  /** 其他. */
  OTHER('9', "其他");

  private final char codeChar;
  private final String chineseName;

  OrgCategory(char codeChar, String chineseName) {
    this.codeChar = codeChar;
    this.chineseName = chineseName;
  }

  public char codeChar() {
    return codeChar;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<OrgCategory> ofCodeChar(char c) {
    return Arrays.stream(values()).filter(cat -> cat.codeChar == c).findFirst();
  }
}
