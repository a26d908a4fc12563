package cn.yrd.registry.api;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 设立登记: what a registrar submits to register an organization. */
@Schema(description = "A new registration (设立登记).")
public record RegistrationRequest(
    @Schema(required = true, example = "51310115000004212C", description = "统一社会信用代码") String uscc,
    @Schema(required = true, maxLength = TextLimits.NAME, example = "上海市软件行业协会") String name,
    @Schema(required = true, example = "SOCIAL_GROUP") OrgCategory category,
    @Schema(required = true) LegalRepresentativeInput legalRepresentative,
    @Schema(required = true, maxLength = TextLimits.TEXT, example = "上海市浦东新区世纪大道100号")
        String domicile,
    @Schema(required = true, maxLength = TextLimits.SCOPE, example = "行业自律、咨询服务、业务培训")
        String businessScope,
    @Schema(required = true, example = "100000.00", description = "开办资金/活动资金/原始基金, CNY")
        BigDecimal registeredFunds,
    @Schema(
            maxLength = TextLimits.TEXT,
            example = "上海市经济和信息化委员会",
            description = "业务主管单位; empty if directly registered")
        String supervisoryUnit,
    @Schema(required = true, maxLength = TextLimits.TEXT, example = "上海市民政局")
        String registrationAuthority,
    @Schema(required = true, example = "2019-05-20") LocalDate establishmentDate,
    @Schema(description = "Only for an organization that moves here from another province (迁入)")
        TransferIn transferIn) {

  /** 法定代表人 as a registrar enters it. */
  public record LegalRepresentativeInput(
      @Schema(required = true, maxLength = TextLimits.PERSON_NAME, example = "张伟") String name,
      @Schema(required = true, example = "110101199003074477", description = "公民身份号码 (GB 11643)")
          String idNumber) {}

  /** 迁入: the recorded transfer that lets a registry hold a code issued in another province. */
  public record TransferIn(
      @Schema(required = true, example = "JS") Province fromProvince,
      @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民社迁〔2026〕12号")
          String decisionNumber,
      @Schema(required = true, example = "2026-03-01") LocalDate date) {}
}
