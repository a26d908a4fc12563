package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One province's latest state of one organization, as its registry published it. */
@Entity
@Table(name = "org_record")
@IdClass(OrgRecord.Key.class)
public class OrgRecord extends PanacheEntityBase {

  /** (USCC, province). */
  public static class Key implements Serializable {
    public String uscc;
    public String province;

    public Key() {}

    public Key(String uscc, String province) {
      this.uscc = uscc;
      this.province = province;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(uscc, k.uscc)
          && Objects.equals(province, k.province);
    }

    @Override
    public int hashCode() {
      return Objects.hash(uscc, province);
    }
  }

  @Id
  @Column(columnDefinition = "bpchar(18)")
  public String uscc;

  @Id public String province;

  @Column(nullable = false)
  public String name;

  @Column(name = "normalized_name", nullable = false)
  public String normalizedName;

  @Column(nullable = false)
  public String category;

  @Column(nullable = false)
  public String status;

  @Column(name = "person_ref", nullable = false)
  public String personRef;

  @Column(name = "legal_rep_name", nullable = false)
  public String legalRepName;

  @Column(name = "grade_level")
  public Short gradeLevel;

  @Column(name = "grade_awarded_on")
  public LocalDate gradeAwardedOn;

  @Column(name = "grade_expires_on")
  public LocalDate gradeExpiresOn;

  @Column(name = "abnormal_listed", nullable = false)
  public boolean abnormalListed;

  @Column(name = "serious_listed", nullable = false)
  public boolean seriousListed;

  @Column(name = "revocation_date")
  public LocalDate revocationDate;

  @Column(name = "deregistration_date")
  public LocalDate deregistrationDate;

  @Column(name = "transferred_from")
  public String transferredFrom;

  @Column(name = "transferred_to")
  public String transferredTo;

  @Column(nullable = false)
  public long version;

  @Column(nullable = false)
  public long sequence;

  @Column(name = "last_event_type", nullable = false)
  public String lastEventType;

  /** Lazy: only the organization API reads it back; the consumer only writes it. */
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  public String state;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
