package cn.yrd.recognition.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an officer says when acknowledging, resolving or dismissing a conflict. */
@Schema(description = "An officer's note on a conflict.")
public record OfficerNote(@Schema(required = true, example = "已通知江苏省民政厅核查") String note) {}
