package cn.yrd.contracts;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), the body of every error response
 * in the federation.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors for validation problems: every field that failed, null otherwise
 * @param warnings things accepted but worth a look (e.g. funds below the usual minimum)
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    List<String> warnings) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field that failed validation, with the rule it broke. */
  public record FieldError(String field, String message) {}
}
