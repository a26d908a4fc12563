package cn.yrd.registry.api;

/** 活动异常名录 (ABNORMAL) or 严重违法失信名单 (SERIOUS): the two supervision lists. */
public enum ListKind {
  ABNORMAL,
  SERIOUS
}
