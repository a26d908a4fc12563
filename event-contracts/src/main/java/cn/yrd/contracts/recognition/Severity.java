package cn.yrd.contracts.recognition;

/** How urgent a conflict is; HIGH blocks recognition, MEDIUM sends it to review. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW
}
