package cn.yrd.audit.service;

import cn.yrd.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the last leaf index returned, encoded so callers do not build them. */
public final class Cursors {
  private static final String PREFIX = "after:";

  private Cursors() {}

  public static String encode(long leafIndex) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + leafIndex).getBytes(StandardCharsets.UTF_8));
  }

  /** The leaf index after which the next page starts; -1 for the first page. */
  public static long decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return -1;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      long index = Long.parseLong(text.substring(PREFIX.length()));
      if (index < 0) {
        throw new IllegalArgumentException();
      }
      return index;
    } catch (IllegalArgumentException e) {
      throw ProblemException.field("cursor", "is not a cursor this service issued");
    }
  }
}
