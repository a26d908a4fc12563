package cn.yrd.contracts.registry;

/** 列入活动异常名录的事由: why an organization is put on the abnormal-activity list. */
public enum AbnormalListReason {
  /** 未按时提交年度工作报告. */
  ANNUAL_REPORT_MISSING,
  /** 通过登记的住所无法取得联系. */
  UNREACHABLE_AT_DOMICILE,
  /** 受到警告或不满五万元罚款. */
  WARNING_OR_SMALL_FINE,
  /** 未按期整改. */
  RECTIFICATION_OVERDUE,
  OTHER
}
