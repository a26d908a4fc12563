package cn.yrd.contracts.recognition;

/** What a host province is asked to recognize. */
public enum RecognitionScope {
  /** 跨区域开展活动: operate in the host province. */
  OPERATE,
  /** 设立代表机构: open a representative office there. */
  OFFICE,
  /** 评估等级互认: have its grade recognized there. */
  GRADE
}
