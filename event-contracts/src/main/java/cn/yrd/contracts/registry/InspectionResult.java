package cn.yrd.contracts.registry;

/** 年检结论: the result of an annual inspection or report. */
public enum InspectionResult {
  /** 合格. */
  QUALIFIED,
  /** 基本合格. */
  BASICALLY_QUALIFIED,
  /** 不合格. */
  UNQUALIFIED,
  /** 未参检. */
  NOT_FILED
}
