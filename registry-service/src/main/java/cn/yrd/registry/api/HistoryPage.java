package cn.yrd.registry.api;

import cn.yrd.support.paging.CursorPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an organization's history, newest first. */
@Schema(description = "A page of an organization's history (变更记录), newest first.")
public record HistoryPage(
    List<HistoryView> items,
    @Schema(description = "Entries in all pages") long total,
    @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
    implements CursorPage {}
