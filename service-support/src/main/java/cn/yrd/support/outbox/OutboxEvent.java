package cn.yrd.support.outbox;

import cn.yrd.contracts.EventTypes;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 发件箱事件: one change waiting to be published, written in the change's own transaction. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

  /**
   * The id is the event's own ce_id, assigned before the insert, so Hibernate can batch outbox rows
   * at flush; an IDENTITY key forced one immediate round trip per event (and a flush of everything
   * queued before it).
   */
  @Id
  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  /** Insertion order, assigned by PostgreSQL (bigserial); the relay claims rows in this order. */
  @Column(insertable = false, updatable = false)
  public Long position;

  @Column(nullable = false)
  public String topic;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String subject;

  /** The CloudEvent's data, as the service wrote it. */
  @Column(nullable = false)
  public String payload;

  @Column(name = "occurred_at", nullable = false)
  public OffsetDateTime occurredAt;

  /** ce_sequence, given by the relay; published once the relay's progress has passed it. */
  public Long sequence;

  /** The W3C traceparent of the request that wrote the row; null when it was not traced. */
  public String traceparent;

  /**
   * A new row: the event of this type about {@code subject}, stored as written, in the trace of
   * {@code traceparent} (null if none).
   */
  public static OutboxEvent of(
      UUID eventId,
      String eventType,
      String subject,
      String payload,
      OffsetDateTime occurredAt,
      String traceparent) {
    OutboxEvent event = new OutboxEvent();
    event.traceparent = traceparent;
    event.eventId = eventId;
    event.topic = EventTypes.topicOf(eventType);
    event.eventType = eventType;
    event.subject = subject;
    event.payload = payload;
    event.occurredAt = occurredAt;
    return event;
  }
}
