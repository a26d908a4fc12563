package cn.yrd.support.paging;

import cn.yrd.support.validation.ValidationOutcome;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters every list takes ({@code @BeanParam PageParams paging}): {@code cursor} and
 * {@code limit}, and the deprecated {@code page} and {@code size} (ADR 0018).
 */
public class PageParams {
  @QueryParam("cursor")
  @Parameter(description = PageCursor.CURSOR_DOC)
  public String cursor;

  @QueryParam("limit")
  @Parameter(description = PageCursor.LIMIT_DOC)
  public Integer limit;

  @QueryParam("page")
  @Parameter(deprecated = true, description = PageCursor.PAGE_DOC)
  public Integer page;

  @QueryParam("size")
  @Parameter(deprecated = true, description = PageCursor.SIZE_DOC)
  public Integer size;

  /**
   * The page asked for, by cursor or by the legacy parameters; a {@code limit} out of range is
   * refused under its own name (the legacy {@code size} is checked by the list).
   */
  public PageCursor resolve() {
    if (limit != null && (limit < 1 || limit > PageCursor.MAX_LIMIT)) {
      ValidationOutcome outcome = new ValidationOutcome();
      outcome.error("limit", "must be between 1 and " + PageCursor.MAX_LIMIT);
      outcome.throwIfInvalid();
    }
    return PageCursor.resolve(cursor, limit, page, size);
  }

  /** The page asked for, its number and size checked ({@link Paging}). */
  public Paging paging() {
    PageCursor at = resolve();
    return Paging.of(at.page(), at.size());
  }
}
