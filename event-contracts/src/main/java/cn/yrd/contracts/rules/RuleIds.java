package cn.yrd.contracts.rules;

/**
 * The stable IDs of the rulebook ({@code docs/rules.md}): every conflict, recognition reason and
 * automatic supervision decision names the rule it applies, so a province can look up its legal
 * basis and check it with the conformance kit ({@code conformance/cases}).
 */
public final class RuleIds {
  private RuleIds() {}

  /** The same USCC ACTIVE in two or more provinces. */
  public static final String DUPLICATE_REGISTRATION = "R-CONFLICT-01";

  /** A code held by a province other than its issuer without a recorded transfer. */
  public static final String REGION_MISMATCH = "R-CONFLICT-02";

  /** Two ACTIVE organizations in different provinces with one normalized name. */
  public static final String NAME_COLLISION = "R-CONFLICT-03";

  /** One person legal representative of two ACTIVE social groups. */
  public static final String SOCIAL_GROUP_REP_CONCURRENT = "R-CONFLICT-04";

  /** 基金会管理条例 第二十三条: a foundation's legal representative represents no other organization. */
  public static final String FOUNDATION_REP_EXCLUSIVE = "R-CONFLICT-05";

  /** The representative of an organization revoked within the bar represents an ACTIVE one. */
  public static final String LEGAL_REP_BARRED = "R-CONFLICT-06";

  /** The home registry ended a registration another province still holds or recognizes. */
  public static final String STATUS_DIVERGENCE = "R-CONFLICT-07";

  /** A listed ACTIVE organization keeps a valid grade, or ACTIVE records report two grades. */
  public static final String SANCTION_RATING = "R-CONFLICT-08";

  /** A gap in a province's event sequence open past the threshold. */
  public static final String SEQUENCE_GAP = "R-CONFLICT-09";

  /** A dismissed condition is not raised again unchanged until it has once stopped holding. */
  public static final String DISMISSAL_LAPSES = "R-CONFLICT-10";

  /** The home province: the issuer, or the end of the chain of recorded transfers. */
  public static final String HOME_PROVINCE = "R-HOME-01";

  /** A request is rejected when the home record is missing or not ACTIVE. */
  public static final String RECOGNITION_HOME_ACTIVE = "R-RECOG-01";

  /** A request is rejected while the organization is on the serious list. */
  public static final String RECOGNITION_SERIOUS_LISTED = "R-RECOG-02";

  /** A request is rejected while an open HIGH conflict involves the organization. */
  public static final String RECOGNITION_HIGH_CONFLICT = "R-RECOG-03";

  /** A request waits for a host officer while abnormal-listed or an open MEDIUM conflict. */
  public static final String RECOGNITION_REVIEW = "R-RECOG-04";

  /** A grade is recognized at its current level and expiry, and only while valid. */
  public static final String RECOGNIZED_GRADE = "R-RECOG-05";

  /** Home revoked, deregistered, transferred out or serious-listed: recognitions are revoked. */
  public static final String CASCADE_REVOKE = "R-CASCADE-01";

  /** Home abnormal-listed: recognitions suspended; removed from the list: reinstated. */
  public static final String CASCADE_SUSPEND = "R-CASCADE-02";

  /** One organization per normalized name in a province's register. */
  public static final String NAME_UNIQUE_IN_PROVINCE = "R-NAME-01";

  /** A resident ID number's first two digits are a real province code. */
  public static final String PERSON_ID_PROVINCE = "R-PERSON-01";

  /** A legal representative is 18 or older on the decision date. */
  public static final String PERSON_ADULT = "R-PERSON-02";

  /** A listing's reason matches what caused it (a penalty-based reason needs that penalty). */
  public static final String LISTING_REASON_MATCHES = "R-LIST-01";

  /** Two full years on the abnormal list bring the serious list (automatic, actor system). */
  public static final String ABNORMAL_TWO_YEARS = "R-LIST-02";

  /** A penalty brings the listing the law attaches to it. */
  public static final String PENALTY_BRINGS_LISTING = "R-LIST-03";

  /** Serious-list removal after two clean years; a revoked organization after deregistration. */
  public static final String SERIOUS_REMOVAL = "R-LIST-04";

  /** A grade is valid five years from the award. */
  public static final String GRADE_VALIDITY = "R-GRADE-01";

  /** No award while listed, within a year of a penalty, or without a good last inspection. */
  public static final String GRADE_ELIGIBILITY = "R-GRADE-02";

  /** A downgrade keeps the original expiry; a withdrawal ends the grade. */
  public static final String GRADE_DOWNGRADE = "R-GRADE-03";

  /** A downgrade or withdrawal is due after a penalty or poor inspections (shown, not done). */
  public static final String GRADE_REVIEW_DUE = "R-GRADE-04";
}
