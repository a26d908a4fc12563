package cn.yrd.registry.repository;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.registry.OrgStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 登记记录: one organization in this province's register. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

  @Id
  @Column(columnDefinition = "bpchar(18)")
  public String uscc;

  @Column(nullable = false)
  public String name;

  /** The name as compared for uniqueness in this register (R-NAME-01, {@code NameNormalizer}). */
  @Column(name = "normalized_name", nullable = false)
  public String normalizedName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgCategory category;

  @Column(name = "legal_rep_name", nullable = false)
  public String legalRepName;

  @Column(name = "legal_rep_id_number", nullable = false)
  public String legalRepIdNumber;

  @Column(name = "legal_rep_person_ref", nullable = false, columnDefinition = "bpchar(64)")
  public String legalRepPersonRef;

  @Column(nullable = false)
  public String domicile;

  @Column(name = "business_scope", nullable = false)
  public String businessScope;

  @Column(name = "registered_funds", nullable = false, precision = 18, scale = 2)
  public BigDecimal registeredFunds;

  @Column(name = "supervisory_unit")
  public String supervisoryUnit;

  @Column(name = "registration_authority", nullable = false)
  public String registrationAuthority;

  @Column(name = "establishment_date", nullable = false)
  public LocalDate establishmentDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgStatus status;

  @Column(name = "grade_level")
  public Short gradeLevel;

  @Column(name = "grade_awarded_on")
  public LocalDate gradeAwardedOn;

  /** The last downgrade, which kept the award's expiry (R-GRADE-03); null if none since. */
  @Column(name = "grade_downgraded_on")
  public LocalDate gradeDowngradedOn;

  @Column(name = "grade_expires_on")
  public LocalDate gradeExpiresOn;

  @Column(name = "abnormal_listed", nullable = false)
  public boolean abnormalListed;

  @Column(name = "serious_listed", nullable = false)
  public boolean seriousListed;

  @Column(name = "deregistration_date")
  public LocalDate deregistrationDate;

  @Column(name = "revocation_date")
  public LocalDate revocationDate;

  @Column(name = "revocation_reason")
  public String revocationReason;

  @Column(name = "revocation_decision")
  public String revocationDecision;

  @Column(name = "transferred_from")
  public String transferredFrom;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
