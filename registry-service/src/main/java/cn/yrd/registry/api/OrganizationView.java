package cn.yrd.registry.api;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.Revocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization as the API shows it; the ID number is masked unless the caller may see it. */
@Schema(description = "A registration record (登记记录).")
public record OrganizationView(
    @Schema(example = "51310115000004212C") String uscc,
    @Schema(example = "上海市软件行业协会") String name,
    OrgCategory category,
    Province province,
    LegalRepresentativeView legalRepresentative,
    String domicile,
    String businessScope,
    BigDecimal registeredFunds,
    String supervisoryUnit,
    String registrationAuthority,
    LocalDate establishmentDate,
    OrgStatus status,
    GradeView grade,
    boolean abnormalListed,
    boolean seriousListed,
    LocalDate deregistrationDate,
    Revocation revocation,
    Province transferredFrom,
    @Schema(description = "Also sent as the ETag; send it back in If-Match to amend") long version,
    @Schema(description = "Accepted, but worth a look (e.g. funds below the usual minimum)")
        List<String> warnings) {

  /** 法定代表人. */
  public record LegalRepresentativeView(
      String name,
      @Schema(
              example = "1101**********4477",
              description = "Masked unless you are this registry's registrar")
          String idNumber,
      @Schema(description = "HMAC person reference shared across provinces") String personRef) {}

  /** 评估等级. */
  public record GradeView(
      @Schema(example = "5A") String label, int level, LocalDate awardedOn, LocalDate expiresOn) {}

  public OrganizationView withWarnings(List<String> newWarnings) {
    return new OrganizationView(
        uscc,
        name,
        category,
        province,
        legalRepresentative,
        domicile,
        businessScope,
        registeredFunds,
        supervisoryUnit,
        registrationAuthority,
        establishmentDate,
        status,
        grade,
        abnormalListed,
        seriousListed,
        deregistrationDate,
        revocation,
        transferredFrom,
        version,
        newWarnings.isEmpty() ? null : newWarnings);
  }
}
