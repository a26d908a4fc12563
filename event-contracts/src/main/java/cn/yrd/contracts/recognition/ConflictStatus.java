package cn.yrd.contracts.recognition;

/** A conflict's lifecycle: OPEN → ACKNOWLEDGED → RESOLVED or DISMISSED. */
public enum ConflictStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED,
  DISMISSED;

  public boolean isOpen() {
    return this == OPEN || this == ACKNOWLEDGED;
  }
}
