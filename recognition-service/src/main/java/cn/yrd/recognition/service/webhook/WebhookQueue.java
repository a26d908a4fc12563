package cn.yrd.recognition.service.webhook;

import cn.yrd.contracts.EventIds;
import cn.yrd.recognition.repository.Notification;
import cn.yrd.recognition.repository.WebhookDelivery;
import cn.yrd.recognition.repository.WebhookEndpoint;
import cn.yrd.recognition.service.notification.NotificationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queues a notification for its province's webhook endpoint, if it has one, in the transaction that
 * writes the notification: a notification committed is a delivery owed.
 */
@ApplicationScoped
public class WebhookQueue {
  @Inject NotificationService notifications;
  @Inject ObjectMapper json;

  public void enqueue(Notification n) {
    if (WebhookEndpoint.findById(n.province) == null) {
      return;
    }
    WebhookDelivery d = new WebhookDelivery();
    d.id = EventIds.next();
    d.province = n.province;
    d.notificationId = n.id;
    d.eventType = n.eventType;
    d.body = body(n);
    d.status = WebhookDelivery.PENDING;
    d.attempts = 0;
    d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    d.nextAttemptAt = d.createdAt;
    d.persist();
  }

  /** The Standard Webhooks payload: type, timestamp, and the notification as the API shows it. */
  private String body(Notification n) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", n.eventType);
    payload.put("timestamp", n.createdAt);
    payload.put("data", notifications.view(n));
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
