package cn.yrd.contracts.registry;

/** 列入严重违法失信名单的事由: why an organization is put on the serious-violation list. */
public enum SeriousListReason {
  /** 被列入活动异常名录满两年. */
  ABNORMAL_LIST_TWO_YEARS,
  /** 受到五万元以上罚款. */
  LARGE_FINE,
  /** 被撤销登记或吊销登记证书. */
  REVOCATION,
  /** 被列为失信被执行人. */
  DISHONEST_JUDGEMENT_DEBTOR,
  /** 受到限期停止活动行政处罚. */
  STOP_ACTIVITIES_ORDERED,
  /** 三年内两次以上受到警告或者不满五万元罚款处罚. */
  REPEATED_MINOR_PENALTIES,
  /** 弄虚作假办理变更登记. */
  FRAUDULENT_CHANGE,
  OTHER
}
