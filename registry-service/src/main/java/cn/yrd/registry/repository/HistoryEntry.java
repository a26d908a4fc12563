package cn.yrd.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 变更记录: one change or supervision action in an organization's history. */
@Entity
@Table(name = "organization_history")
public class HistoryEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, columnDefinition = "bpchar(18)")
  public String uscc;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  @Column(name = "decision_number")
  public String decisionNumber;

  public String reason;

  /** The event's {@code change} part as JSON. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public String details;

  @Column(nullable = false)
  public String actor;

  @Column(name = "recorded_at", nullable = false)
  public OffsetDateTime recordedAt;
}
