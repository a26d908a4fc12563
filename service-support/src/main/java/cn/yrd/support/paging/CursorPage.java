package cn.yrd.support.paging;

/**
 * A page of a list: every list of the federation answers with its items and, unless it is the last
 * page, the cursor of the next one, which {@link NextPageLink} also sends as an RFC 8288 {@code
 * Link: <…>; rel="next"} header (ADR 0018).
 */
public interface CursorPage {
  /** How every page's {@code nextCursor} is described in the documents. */
  String NEXT_CURSOR_DOC =
      "The cursor of the next page (also in the Link header); absent on the last page";

  /** The opaque cursor of the next page; null on the last page. */
  String nextCursor();
}
