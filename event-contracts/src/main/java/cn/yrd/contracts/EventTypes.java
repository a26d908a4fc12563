package cn.yrd.contracts;

/** CloudEvent {@code ce_type} values, one per kind of change. */
public final class EventTypes {
  private static final String REGISTRATION = "cn.yrd.registration.";
  private static final String SUPERVISION = "cn.yrd.supervision.";
  private static final String V1 = ".v1";

  public static final String REGISTERED = REGISTRATION + "registered" + V1;
  public static final String AMENDED = REGISTRATION + "amended" + V1;
  public static final String DEREGISTERED = REGISTRATION + "deregistered" + V1;
  public static final String REVOKED = REGISTRATION + "revoked" + V1;
  public static final String TRANSFERRED_OUT = REGISTRATION + "transferred-out" + V1;
  public static final String TRANSFERRED_IN = REGISTRATION + "transferred-in" + V1;

  public static final String PENALTY_IMPOSED = SUPERVISION + "penalty-imposed" + V1;
  public static final String ABNORMAL_LISTED = SUPERVISION + "abnormal-listed" + V1;
  public static final String ABNORMAL_REMOVED = SUPERVISION + "abnormal-removed" + V1;
  public static final String SERIOUS_LISTED = SUPERVISION + "serious-listed" + V1;
  public static final String SERIOUS_REMOVED = SUPERVISION + "serious-removed" + V1;
  public static final String ANNUAL_INSPECTION_RECORDED =
      SUPERVISION + "annual-inspection-recorded" + V1;
  public static final String GRADE_AWARDED = SUPERVISION + "grade-awarded" + V1;
  public static final String GRADE_DOWNGRADED = SUPERVISION + "grade-downgraded" + V1;
  public static final String GRADE_WITHDRAWN = SUPERVISION + "grade-withdrawn" + V1;

  private static final String RECOGNITION = "cn.yrd.recognition.";

  public static final String RECOGNITION_REQUESTED = RECOGNITION + "requested" + V1;
  public static final String RECOGNITION_GRANTED = RECOGNITION + "granted" + V1;
  public static final String RECOGNITION_REJECTED = RECOGNITION + "rejected" + V1;
  public static final String RECOGNITION_PENDING_REVIEW = RECOGNITION + "pending-review" + V1;
  public static final String RECOGNITION_SUSPENDED = RECOGNITION + "suspended" + V1;
  public static final String RECOGNITION_REINSTATED = RECOGNITION + "reinstated" + V1;
  public static final String RECOGNITION_REVOKED = RECOGNITION + "revoked" + V1;
  public static final String RECOGNITION_GRADE_DROPPED = RECOGNITION + "grade-dropped" + V1;
  public static final String RECOGNITION_GRADE_UPDATED = RECOGNITION + "grade-updated" + V1;
  public static final String CONFLICT_OPENED = RECOGNITION + "conflict-opened" + V1;
  public static final String CONFLICT_UPDATED = RECOGNITION + "conflict-updated" + V1;
  public static final String CONFLICT_RESOLVED = RECOGNITION + "conflict-resolved" + V1;

  /** A registrar read the details of a clearance answer (level 2): every such look is audited. */
  public static final String CLEARANCE_DISCLOSED = RECOGNITION + "clearance-disclosed" + V1;

  /** A province acknowledged a notification (its receipt): every receipt is audited. */
  public static final String NOTIFICATION_ACKNOWLEDGED =
      RECOGNITION + "notification-acknowledged" + V1;

  /**
   * A province witness was shown a checkpoint of the audit log that contradicts one it cosigned: a
   * fork or a rollback (published on {@link Topics#WITNESS}).
   */
  public static final String SPLIT_VIEW_DETECTED = "cn.yrd.audit.split-view-detected";

  private EventTypes() {}

  /** The topic an event type is published on. */
  public static String topicOf(String eventType) {
    if (eventType.startsWith(REGISTRATION)) {
      return Topics.REGISTRATION;
    }
    if (eventType.startsWith(SUPERVISION)) {
      return Topics.SUPERVISION;
    }
    if (eventType.equals(SPLIT_VIEW_DETECTED)) {
      return Topics.WITNESS;
    }
    return Topics.RECOGNITION;
  }
}
