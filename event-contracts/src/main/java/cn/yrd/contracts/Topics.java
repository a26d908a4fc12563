package cn.yrd.contracts;

/** The Kafka topics of the federation; every record's key is the organization's USCC. */
public final class Topics {
  /** Registration events from the four registries. */
  public static final String REGISTRATION = "yrd.registration.v1";

  /** Supervision events from the four registries. */
  public static final String SUPERVISION = "yrd.supervision.v1";

  /** Recognition and conflict events from the recognition service. */
  public static final String RECOGNITION = "yrd.recognition.v1";

  /** Alarms of the province witnesses of the audit log (a split view or a rollback seen). */
  public static final String WITNESS = "yrd.witness.v1";

  /** Records a consumer could not read, with the reason in the {@code yrd_dlq_reason} header. */
  public static final String DEAD_LETTER = "yrd.deadletter.v1";

  private Topics() {}
}
