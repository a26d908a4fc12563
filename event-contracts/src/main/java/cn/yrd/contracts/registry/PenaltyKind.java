package cn.yrd.contracts.registry;

/** 行政处罚种类: the kinds of administrative penalty. */
public enum PenaltyKind {
  /** 警告. */
  WARNING,
  /** 罚款: needs an amount. */
  FINE,
  /** 没收违法所得或非法财产. */
  CONFISCATION,
  /** 限期停止活动: needs the date activities may resume. */
  STOP_ACTIVITIES,
  /** 吊销登记证书: the organization becomes REVOKED. */
  CERTIFICATE_REVOCATION
}
