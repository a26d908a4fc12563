package cn.yrd.recognition.repository;

import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 冲突: a flagged cross-province condition and its lifecycle. */
@Entity
@Table(name = "conflict")
public class Conflict extends PanacheEntityBase {
  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ConflictType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ConflictStatus status;

  @Column(name = "condition_key", nullable = false)
  public String conditionKey;

  @Column(name = "scope_key", nullable = false)
  public String scopeKey;

  @Column(nullable = false)
  public String fingerprint;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] usccs;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] provinces;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public String evidence;

  @Column(name = "opened_at", nullable = false)
  public OffsetDateTime openedAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "acknowledged_at")
  public OffsetDateTime acknowledgedAt;

  @Column(name = "closed_by")
  public String closedBy;

  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  /** AUTO or OFFICER. */
  public String resolution;

  public String note;

  /** The rulebook's ID of the rule behind the condition (docs/rules.md). */
  @Column(name = "rule_id")
  public String ruleId;

  /**
   * For AUTO: what ended the condition, see {@link
   * cn.yrd.recognition.service.conflict.AutoResolution}.
   */
  @Column(name = "resolution_reason")
  public String resolutionReason;

  /** When an officer's dismissal stopped holding back its condition (R-CONFLICT-10). */
  @Column(name = "dismissal_lapsed_at")
  public OffsetDateTime dismissalLapsedAt;
}
