package cn.yrd.support.paging;

import cn.yrd.support.validation.ValidationOutcome;

/** A page to read, its number and size checked the same way by every list. */
public record Paging(int page, int size) {
  /** Items per page when the caller names none. */
  public static final int DEFAULT_LIMIT = 20;

  /** The page asked for; a page below 0 or a size out of range is a 400 naming it. */
  public static Paging of(Integer page, Integer size) {
    ValidationOutcome outcome = new ValidationOutcome();
    Paging paging = of(page, size, outcome);
    outcome.throwIfInvalid();
    return paging;
  }

  /** As {@link #of(Integer, Integer)}, adding its errors to those of the caller's other checks. */
  public static Paging of(Integer page, Integer size, ValidationOutcome outcome) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_LIMIT : size;
    if (p < 0) {
      outcome.error("page", "must be 0 or more");
    }
    if (s < 1 || s > PageCursor.MAX_LIMIT) {
      outcome.error("size", "must be between 1 and " + PageCursor.MAX_LIMIT);
    }
    return new Paging(p, s);
  }

  /** The row this page starts at. */
  public int offset() {
    return page * size;
  }

  /**
   * The cursor of the next page, or null when this one, of a list of {@code total}, is the last.
   */
  public String nextCursor(long total) {
    return PageCursor.next(page, size, total);
  }
}
