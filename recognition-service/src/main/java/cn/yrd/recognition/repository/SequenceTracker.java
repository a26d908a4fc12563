package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** How far a province's event sequence has arrived without a gap. */
@Entity
@Table(name = "sequence_tracker")
public class SequenceTracker extends PanacheEntityBase {
  @Id public String province;

  /** Every sequence number up to this one has been applied. */
  @Column(nullable = false)
  public long contiguous;

  /** The highest sequence number seen. */
  @Column(nullable = false)
  public long highest;

  /** When the current gap (highest above contiguous) opened; null when there is none. */
  @Column(name = "gap_since")
  public OffsetDateTime gapSince;

  @Column(name = "last_event_at")
  public OffsetDateTime lastEventAt;
}
