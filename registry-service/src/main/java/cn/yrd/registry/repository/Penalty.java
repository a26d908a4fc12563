package cn.yrd.registry.repository;

import cn.yrd.contracts.registry.PenaltyKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 行政处罚: one administrative penalty. */
@Entity
@Table(name = "penalty")
public class Penalty extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, columnDefinition = "bpchar(18)")
  public String uscc;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PenaltyKind kind;

  @Column(name = "fine_amount", precision = 18, scale = 2)
  public BigDecimal fineAmount;

  @Column(name = "stop_until")
  public LocalDate stopUntil;

  @Column(name = "imposed_on", nullable = false)
  public LocalDate imposedOn;

  @Column(name = "decision_number", nullable = false)
  public String decisionNumber;

  @Column(nullable = false)
  public String reason;
}
