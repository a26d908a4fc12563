package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 变更订阅条目: one entry of the change feed, numbered after its transaction commits. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

  @Id public UUID id;

  /** Insertion order, assigned by PostgreSQL (bigserial); numbering follows it. */
  @Column(insertable = false, updatable = false)
  public Long arrival;

  /** The gap-free feed position; null until the sequencer numbers the entry. */
  @Column(insertable = false, updatable = false)
  public Long position;

  @Column(nullable = false)
  public String kind;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  /** The organization (a conflict's first); null for a conflict about no organization. */
  public String uscc;

  /** The provinces concerned, comma-separated ({@code JS,SH}). */
  @Column(nullable = false)
  public String provinces;

  /** For an organization's record: its version, which only ever moves forward. */
  public Long version;

  @Column(nullable = false)
  public String payload;

  @Column(name = "recorded_at", nullable = false)
  public OffsetDateTime recordedAt;
}
