package cn.yrd.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 分叉告警: a split view this witness detected, and whether it has been published. */
@Entity
@Table(name = "witness_alarm")
public class WitnessAlarm extends PanacheEntityBase {
  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(nullable = false)
  public String origin;

  @Column(nullable = false)
  public String payload;

  @Column(name = "detected_at", nullable = false)
  public OffsetDateTime detectedAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;
}
