package cn.yrd.recognition.api;

import cn.yrd.contracts.OrgCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An intended registration, as a registry asks about it before registering (登记前核查). */
@Schema(
    description =
        "An intended registration. The ID number never leaves the province: send its person reference.")
public record ClearanceRequest(
    @Schema(required = true, example = "51320583000000421X") String uscc,
    @Schema(
            description = "The name, normalized by the registry (it is normalized again here)",
            maxLength = 100,
            example = "苏州市软件行业协会")
        String normalizedName,
    @Schema(required = true) OrgCategory category,
    @Schema(
            description =
                "The legal representative's person reference: HMAC-SHA256 of the ID number, 64"
                    + " lower-case hex characters",
            pattern = "^[0-9a-f]{64}$")
        String personRef) {}
