package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 已处理事件: an event whose effect is committed; its id makes redelivery harmless. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "kafka_partition", nullable = false)
  public int partition;

  @Column(name = "kafka_offset", nullable = false)
  public long offset;

  @Column(name = "processed_at", nullable = false)
  public OffsetDateTime processedAt;
}
