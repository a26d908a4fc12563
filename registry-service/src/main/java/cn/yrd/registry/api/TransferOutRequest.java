package cn.yrd.registry.api;

import cn.yrd.contracts.Province;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 迁出: an organization moves its registration to another province. */
@Schema(description = "A transfer out (迁出) to another province's registry.")
public record TransferOutRequest(
    @Schema(required = true, example = "JS") Province toProvince,
    @Schema(required = true, example = "2026-03-01") LocalDate date,
    @Schema(required = true, maxLength = TextLimits.NAME, example = "沪民社迁〔2026〕12号")
        String decisionNumber,
    @Schema(maxLength = TextLimits.TEXT, example = "住所迁至苏州市") String reason) {}
