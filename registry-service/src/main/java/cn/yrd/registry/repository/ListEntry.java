package cn.yrd.registry.repository;

import cn.yrd.registry.api.ListKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/** One listing on the abnormal-activity list or the serious-violation list, closed on removal. */
@Entity
@Table(name = "list_entry")
public class ListEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, columnDefinition = "bpchar(18)")
  public String uscc;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ListKind list;

  @Column(name = "listed_on", nullable = false)
  public LocalDate listedOn;

  @Column(name = "listed_reason", nullable = false)
  public String listedReason;

  @Column(name = "listed_decision", nullable = false)
  public String listedDecision;

  /**
   * Where the clean period runs from: the listing, or the latest new serious reason (R-LIST-04).
   */
  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "removed_on")
  public LocalDate removedOn;

  @Column(name = "removed_reason")
  public String removedReason;

  @Column(name = "removed_decision")
  public String removedDecision;

  public static Optional<ListEntry> findOpen(String uscc, ListKind list) {
    return find("uscc = ?1 and list = ?2 and removedOn is null", uscc, list).firstResultOptional();
  }
}
