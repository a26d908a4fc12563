package cn.yrd.registry.api;

import cn.yrd.support.paging.CursorPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results and how many there are in all. */
@Schema(description = "A page of registration records.")
public record OrganizationPage(
    List<OrganizationView> items,
    @Schema(description = "Matches in all pages") long total,
    @Schema(description = "This page, from 0") int page,
    @Schema(description = "Page size") int size,
    @Schema(description = CursorPage.NEXT_CURSOR_DOC) String nextCursor)
    implements CursorPage {}
