package cn.yrd.registry.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision with its date, number and reason: deregistration, revocation, removals. */
@Schema(description = "A dated decision (决定) with its document number and reason.")
public record DecisionRequest(
    @Schema(required = true, example = "2026-06-30") LocalDate date,
    @Schema(maxLength = TextLimits.NAME, example = "沪民罚决字〔2026〕15号", description = "决定书文号")
        String decisionNumber,
    @Schema(required = true, maxLength = TextLimits.TEXT, example = "自行解散") String reason) {}
