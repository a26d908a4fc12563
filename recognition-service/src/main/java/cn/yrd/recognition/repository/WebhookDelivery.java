package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One notification pushed to a province's webhook endpoint: its attempts and its outcome. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String DEAD = "DEAD";

  /** Sent as {@code webhook-id}: the same on every attempt and every replay. */
  @Id public UUID id;

  @Column(nullable = false)
  public String province;

  /** Its place in the province's queue; set by the database. */
  @Column(insertable = false, updatable = false)
  public long place;

  @Column(name = "notification_id", nullable = false)
  public UUID notificationId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String body;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public OffsetDateTime nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "delivered_at")
  public OffsetDateTime deliveredAt;
}
