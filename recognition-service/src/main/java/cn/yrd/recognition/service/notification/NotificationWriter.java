package cn.yrd.recognition.service.notification;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.repository.Notification;
import cn.yrd.recognition.repository.Recognition;
import cn.yrd.recognition.service.webhook.WebhookQueue;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/**
 * 风险信息预警: addresses a notification to every province a conflict opened or closed, or a recognition
 * decision (a cascade's included), involves, in the transaction of the change itself; and queues it
 * for the province's webhook endpoint, if it registered one.
 */
@ApplicationScoped
public class NotificationWriter {
  public static final String CONFLICT_OPENED = "CONFLICT_OPENED";
  public static final String CONFLICT_CLOSED = "CONFLICT_CLOSED";
  public static final String RECOGNITION_DECIDED = "RECOGNITION_DECIDED";

  @Inject WebhookQueue webhooks;

  /** A conflict's change: opening and closing are told; an update of its evidence is not. */
  public void conflict(String eventType, Conflict c, String payload) {
    String kind =
        EventTypes.CONFLICT_OPENED.equals(eventType)
            ? CONFLICT_OPENED
            : EventTypes.CONFLICT_RESOLVED.equals(eventType) ? CONFLICT_CLOSED : null;
    if (kind == null) {
      return;
    }
    String uscc = c.usccs.length > 0 ? c.usccs[0] : null;
    for (String province : c.provinces) {
      add(province, kind, eventType, uscc, c.ruleId, c.severity, payload);
    }
  }

  /** A recognition's decision or change, to its home and its host province. */
  public void recognition(String eventType, Recognition r, List<String> ruleIds, String payload) {
    if (EventTypes.RECOGNITION_REQUESTED.equals(eventType)) {
      return;
    }
    String ruleId = ruleIds.isEmpty() ? null : ruleIds.get(0);
    Stream.of(r.homeProvince, r.hostProvince)
        .distinct()
        .forEach(
            province ->
                add(
                    province,
                    RECOGNITION_DECIDED,
                    eventType,
                    r.uscc,
                    ruleId,
                    severityOf(r.status),
                    payload));
  }

  /** How urgently a province should look: a refusal or revocation first, then a suspension. */
  static Severity severityOf(RecognitionStatus status) {
    return switch (status) {
      case REJECTED, REVOKED -> Severity.HIGH;
      case SUSPENDED, PENDING_REVIEW -> Severity.MEDIUM;
      case GRANTED -> Severity.LOW;
    };
  }

  private void add(
      String province,
      String kind,
      String eventType,
      String uscc,
      String ruleId,
      Severity severity,
      String payload) {
    Notification n = new Notification();
    n.id = EventIds.next();
    n.province = province;
    n.kind = kind;
    n.eventType = eventType;
    n.uscc = uscc;
    n.ruleId = ruleId;
    n.severity = severity.name();
    n.payload = payload;
    n.createdAt = BusinessTime.now();
    n.persist();
    webhooks.enqueue(n);
  }
}
