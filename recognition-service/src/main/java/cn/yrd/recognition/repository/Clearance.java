package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 登记前核查: a level-1 answer that found conflicts, whose details its province may read. */
@Entity
@Table(name = "clearance")
public class Clearance extends PanacheEntityBase {
  @Id public UUID id;

  /** The asking province. */
  @Column(nullable = false)
  public String province;

  @Column(name = "asked_by", nullable = false)
  public String askedBy;

  @Column(nullable = false)
  public String uscc;

  /** The findings, as JSON. */
  @Column(nullable = false)
  public String findings;

  @Column(name = "asked_at", nullable = false)
  public OffsetDateTime askedAt;
}
