package cn.yrd.registry.repository;

import cn.yrd.contracts.registry.InspectionResult;
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

/** 年检 / 年报: one year's inspection result. */
@Entity
@Table(name = "annual_inspection")
public class AnnualInspection extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, columnDefinition = "bpchar(18)")
  public String uscc;

  @Column(nullable = false)
  public int year;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InspectionResult result;

  @Column(name = "recorded_on", nullable = false)
  public LocalDate recordedOn;

  @Column(name = "decision_number")
  public String decisionNumber;
}
