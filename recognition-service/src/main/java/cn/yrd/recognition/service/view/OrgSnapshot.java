package cn.yrd.recognition.service.view;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.repository.OrgRecord;
import java.time.LocalDate;
import java.util.Optional;

/** What the conflict and recognition rules read of one province's record. */
public record OrgSnapshot(
    Uscc uscc,
    Province province,
    String name,
    String normalizedName,
    OrgCategory category,
    OrgStatus status,
    String personRef,
    Integer gradeLevel,
    LocalDate gradeExpiresOn,
    boolean abnormalListed,
    boolean seriousListed,
    LocalDate revocationDate,
    Province transferredFrom,
    Province transferredTo) {

  public static OrgSnapshot of(OrgRecord r) {
    return new OrgSnapshot(
        Uscc.parse(r.uscc),
        Province.valueOf(r.province),
        r.name,
        r.normalizedName,
        OrgCategory.valueOf(r.category),
        OrgStatus.valueOf(r.status),
        r.personRef,
        r.gradeLevel == null ? null : r.gradeLevel.intValue(),
        r.gradeExpiresOn,
        r.abnormalListed,
        r.seriousListed,
        r.revocationDate,
        r.transferredFrom == null ? null : Province.valueOf(r.transferredFrom),
        r.transferredTo == null ? null : Province.valueOf(r.transferredTo));
  }

  public boolean isActive() {
    return status == OrgStatus.ACTIVE;
  }

  public boolean hasValidGrade(LocalDate today) {
    return gradeLevel != null && gradeExpiresOn != null && today.isBefore(gradeExpiresOn);
  }

  /** The province whose division the code was issued in; empty for the ministry or elsewhere. */
  public Optional<Province> issuingProvince() {
    return uscc.province();
  }
}
