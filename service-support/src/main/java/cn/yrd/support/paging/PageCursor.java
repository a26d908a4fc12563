package cn.yrd.support.paging;

import cn.yrd.support.problem.BadParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cursor of a page-numbered list: opaque to clients (base64url), the page and size inside, so
 * that a list can later move to keyset cursors without a client noticing (ADR 0018).
 *
 * @param page the page, from 0; null when the caller gave none
 * @param size the page size; null when the caller gave none
 */
public record PageCursor(Integer page, Integer size) {
  public static final String CURSOR_DOC =
      "The page to read: nextCursor of the previous page (or its Link rel=\"next\"); absent for"
          + " the first page";

  /** The largest page a list gives. */
  public static final int MAX_LIMIT = 200;

  public static final String LIMIT_DOC = "Items per page, 1 to " + MAX_LIMIT + " (default 20)";
  public static final String PAGE_DOC = "Deprecated: use cursor. The page, from 0";
  public static final String SIZE_DOC = "Deprecated: use limit. Items per page";
  private static final Pattern FORM = Pattern.compile("page=(\\d{1,9})&size=(\\d{1,9})");

  /**
   * The page to read: the cursor's, if one is given (with {@code limit} as its size if given);
   * otherwise the legacy {@code page} and {@code size} parameters ({@code limit} wins over {@code
   * size}). Ranges are checked by the caller, as before.
   */
  public static PageCursor resolve(String cursor, Integer limit, Integer page, Integer size) {
    if (cursor != null && !cursor.isBlank()) {
      PageCursor decoded = decode(cursor);
      return new PageCursor(decoded.page(), limit != null ? limit : decoded.size());
    }
    return new PageCursor(page, limit != null ? limit : size);
  }

  /** The cursor of the page after {@code page}, or null when that page was the last. */
  public static String next(int page, int size, long total) {
    return (long) (page + 1) * size < total ? encode(page + 1, size) : null;
  }

  /** As {@link #next(int, int, long)} for a list that was not counted: a full page has a next. */
  public static String nextOfUncounted(int page, int size, int itemsOnPage) {
    return itemsOnPage >= size ? encode(page + 1, size) : null;
  }

  static String encode(int page, int size) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("page=" + page + "&size=" + size).getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String cursor) {
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      Matcher m = FORM.matcher(text);
      if (m.matches()) {
        return new PageCursor(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    } catch (IllegalArgumentException e) {
      // not base64url: refused below
    }
    throw new BadParameterException(
        "cursor", cursor, "a cursor from a previous page's nextCursor or Link header");
  }
}
