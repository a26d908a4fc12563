package cn.yrd.recognition.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an officer says when acknowledging, resolving or dismissing a conflict. */
@Schema(description = "An officer's note on a conflict.")
public record OfficerNote(
    @Schema(required = true, maxLength = OfficerNote.NOTE_MAX, example = "已通知江苏省民政厅核查")
        String note) {
  /** The longest note an officer may write, in characters (a conflict's or a review's). */
  public static final int NOTE_MAX = 1000;
}
