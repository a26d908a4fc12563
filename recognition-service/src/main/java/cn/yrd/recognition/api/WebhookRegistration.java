package cn.yrd.recognition.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a province wants its notifications pushed. */
@Schema(description = "Where a province wants its notifications pushed.")
public record WebhookRegistration(
    @Schema(
            description = "An https URL; every delivery is POSTed to it, signed",
            required = true,
            maxLength = 2000,
            example = "https://mzt.sh.gov.cn/yrd/notifications")
        String url) {}
