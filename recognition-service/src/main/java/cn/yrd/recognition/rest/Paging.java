package cn.yrd.recognition.rest;

import cn.yrd.support.paging.PageCursor;
import cn.yrd.support.validation.ValidationOutcome;

/** Page and size parameters, checked the same way everywhere. */
record Paging(int page, int size) {
  static final int MAX_SIZE = PageCursor.MAX_LIMIT;

  static Paging of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    ValidationOutcome outcome = new ValidationOutcome();
    if (p < 0) {
      outcome.error("page", "must be 0 or more");
    }
    if (s < 1 || s > MAX_SIZE) {
      outcome.error("size", "must be between 1 and " + MAX_SIZE);
    }
    outcome.throwIfInvalid();
    return new Paging(p, s);
  }
}
