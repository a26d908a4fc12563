package cn.yrd.contracts.recognition;

/**
 * The cross-province conflicts the recognition service flags (docs/rules.md, R-CONFLICT-01 to 09),
 * with default severity.
 */
public enum ConflictType {
  /** The same USCC is ACTIVE in two or more provinces. */
  DUPLICATE_REGISTRATION(Severity.HIGH),
  /** A registry holds a code issued in another province without a recorded transfer. */
  REGION_MISMATCH(Severity.MEDIUM),
  /** Two ACTIVE organizations in different provinces share a normalized name. */
  NAME_COLLISION(Severity.HIGH),
  /** One person is legal representative of two or more ACTIVE social groups. */
  LEGAL_REP_CONCURRENT(Severity.HIGH),
  /** The legal representative of an organization revoked recently represents an ACTIVE one. */
  LEGAL_REP_BARRED(Severity.MEDIUM),
  /** The home registry ended the registration while another province still holds it. */
  STATUS_DIVERGENCE(Severity.HIGH),
  /** A listed organization keeps a valid grade, or provinces report different grades. */
  SANCTION_RATING(Severity.MEDIUM),
  /** A province's event sequence has a gap open longer than the threshold. */
  SEQUENCE_GAP(Severity.HIGH);

  private final Severity defaultSeverity;

  ConflictType(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
