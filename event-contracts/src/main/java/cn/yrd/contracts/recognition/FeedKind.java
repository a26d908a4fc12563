package cn.yrd.contracts.recognition;

/** 变更订阅条目类别: what an entry of the recognition service's change feed is about. */
public enum FeedKind {
  /** A province's record of an organization changed in the consolidated view. */
  ORGANIZATION,
  /** A conflict was opened, acknowledged, closed or reopened. */
  CONFLICT,
  /** A recognition request was decided, or a decision changed (a cascade, an officer). */
  RECOGNITION
}
