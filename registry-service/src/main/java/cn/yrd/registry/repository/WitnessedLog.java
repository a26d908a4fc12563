package cn.yrd.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** 见证记录: the latest checkpoint of one log that this witness cosigned. */
@Entity
@Table(name = "witnessed_log")
public class WitnessedLog extends PanacheEntityBase {
  @Id public String origin;

  @Column(name = "tree_size", nullable = false)
  public long treeSize;

  @Column(name = "root_hash", nullable = false)
  public byte[] rootHash;

  @Column(nullable = false)
  public String note;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
