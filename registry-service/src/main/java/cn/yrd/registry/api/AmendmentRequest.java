package cn.yrd.registry.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 变更登记: the fields to change; absent fields keep their value. */
@Schema(description = "An amendment (变更登记). Send only the fields that change.")
public record AmendmentRequest(
    @Schema(maxLength = TextLimits.NAME, example = "上海市软件和信息服务业协会") String name,
    @Schema(maxLength = TextLimits.TEXT, example = "上海市徐汇区漕溪北路88号") String domicile,
    RegistrationRequest.LegalRepresentativeInput legalRepresentative,
    @Schema(maxLength = TextLimits.SCOPE) String businessScope,
    @Schema(example = "200000.00") BigDecimal registeredFunds,
    @Schema(
            maxLength = TextLimits.TEXT,
            description = "An empty string clears it (directly registered)")
        String supervisoryUnit,
    @Schema(maxLength = TextLimits.TEXT) String registrationAuthority,
    @Schema(maxLength = TextLimits.NAME, example = "沪民社变〔2026〕7号") String decisionNumber) {}
