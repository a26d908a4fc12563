package cn.yrd.audit.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** 审计事件: one stored event, a leaf of the Merkle tree; the table rejects UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

  @Id
  @Column(name = "leaf_index")
  public long leafIndex;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "kafka_partition", nullable = false)
  public int partition;

  @Column(name = "kafka_offset", nullable = false)
  public long offset;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String source;

  public String subject;

  public String province;

  public Long sequence;

  @Column(name = "event_time")
  public OffsetDateTime eventTime;

  /** Exactly as received. */
  @Column(nullable = false)
  public String payload;

  @Column(name = "received_at", nullable = false)
  public OffsetDateTime receivedAt;

  @Column(name = "leaf_hash", nullable = false)
  public byte[] leafHash;

  @Column(name = "correlation_id")
  public String correlationId;
}
