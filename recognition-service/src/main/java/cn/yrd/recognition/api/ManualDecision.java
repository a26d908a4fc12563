package cn.yrd.recognition.api;

import cn.yrd.contracts.recognition.RecognitionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A host officer's decision on a request pending review. */
@Schema(description = "A manual decision (人工审核) on a PENDING_REVIEW request.")
public record ManualDecision(
    @Schema(required = true, description = "GRANTED or REJECTED", example = "GRANTED")
        RecognitionStatus decision,
    @Schema(required = true, maxLength = OfficerNote.NOTE_MAX, example = "已核实整改情况") String note) {}
