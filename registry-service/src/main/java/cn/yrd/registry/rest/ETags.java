package cn.yrd.registry.rest;

import cn.yrd.support.problem.ProblemException;

/** A record's version as an HTTP entity tag, and back. */
final class ETags {
  private ETags() {}

  /** Whether an If-None-Match header names {@code version} (or is {@code *}): a 304 is due. */
  static boolean noneMatchHolds(String ifNoneMatch, long version) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String value = tag.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.equals("*") || value.equals("\"" + version + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** The version an If-Match header names; null when the header is absent. */
  static Long parseIfMatch(String ifMatch, boolean required) {
    if (ifMatch == null || ifMatch.isBlank()) {
      if (required) {
        throw ProblemException.preconditionRequired(
            "send If-Match with the ETag you read, so that you do not overwrite a newer change");
      }
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.preconditionFailed(
          "If-Match " + ifMatch + " names no version of this record");
    }
  }
}
