package cn.yrd.recognition.repository;

import cn.yrd.contracts.recognition.RecognitionScope;
import cn.yrd.contracts.recognition.RecognitionStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 互认: a request to recognize a home province's registration in a host province. */
@Entity
@Table(name = "recognition")
public class Recognition extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "bpchar(18)")
  public String uscc;

  @Column(name = "home_province", nullable = false)
  public String homeProvince;

  @Column(name = "host_province", nullable = false)
  public String hostProvince;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RecognitionScope scope;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RecognitionStatus status;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] reasons;

  @Column(name = "recognized_grade_level")
  public Short recognizedGradeLevel;

  @Column(name = "recognized_grade_expires_on")
  public LocalDate recognizedGradeExpiresOn;

  @Column(name = "requested_by", nullable = false)
  public String requestedBy;

  @Column(name = "requested_at", nullable = false)
  public OffsetDateTime requestedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;

  public String note;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
