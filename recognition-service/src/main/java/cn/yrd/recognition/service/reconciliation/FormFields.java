package cn.yrd.recognition.service.reconciliation;

import cn.yrd.support.problem.ProblemException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one field of an application/x-www-form-urlencoded body, refusing a malformed one. */
public final class FormFields {
  private FormFields() {}

  /** The field's value, decoded as UTF-8; null if the form has no such field. */
  public static String value(String form, String name) {
    if (form == null || form.isEmpty()) {
      return null;
    }
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals), name);
      if (key.equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1), name);
      }
    }
    return null;
  }

  private static String decode(String text, String field) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.field(field, "is not form-encoded: " + e.getMessage());
    }
  }
}
