package cn.yrd.recognition.api;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.RecognitionScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 互认申请: recognize a home province's registration in a host province. */
@Schema(description = "A mutual-recognition request (互认申请).")
public record RecognitionRequest(
    @Schema(required = true, example = "51320583000000421M") String uscc,
    @Schema(required = true, example = "SH") Province hostProvince,
    @Schema(required = true, example = "OPERATE") RecognitionScope scope,
    @Schema(description = "Defaults to the province that holds the code ACTIVE", example = "JS")
        Province homeProvince) {}
