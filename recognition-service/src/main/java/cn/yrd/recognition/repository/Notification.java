package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 风险信息预警: a notification to one province, and its receipt once acknowledged. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
  @Id public UUID id;

  /** The province it is addressed to. */
  @Column(nullable = false)
  public String province;

  @Column(nullable = false)
  public String kind;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  public String uscc;

  @Column(name = "rule_id")
  public String ruleId;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "acknowledged_at")
  public OffsetDateTime acknowledgedAt;
}
