package cn.yrd.contracts.recognition;

/** Where a mutual-recognition request stands. */
public enum RecognitionStatus {
  GRANTED,
  REJECTED,
  PENDING_REVIEW,
  SUSPENDED,
  REVOKED;

  /** Whether the recognition is still in force or may come into force. */
  public boolean isLive() {
    return this == GRANTED || this == PENDING_REVIEW || this == SUSPENDED;
  }
}
