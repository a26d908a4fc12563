package cn.yrd.contracts;

/** CloudEvents 1.0 Kafka binary-mode header names, with the federation's two extensions. */
public final class CloudEventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";

  /** Extension: the province whose registry published the event. */
  public static final String PROVINCE = "ce_province";

  /** Extension: the registry's gap-free event number, from 1. */
  public static final String SEQUENCE = "ce_sequence";

  /**
   * Extension (CloudEvents distributed tracing): the W3C traceparent of the request that caused the
   * event, when it was traced.
   */
  public static final String TRACEPARENT = "ce_traceparent";

  public static final String CONTENT_TYPE = "content-type";

  public static final String SPEC_VERSION_VALUE = "1.0";
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}

  /** {@code /yrd/registry/SH}. */
  public static String registrySource(Province province) {
    return "/yrd/registry/" + province.name();
  }
}
