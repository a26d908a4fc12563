package cn.yrd.conformance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business dates in cases, relative to the case's day zero {@code D} (the federation's business
 * date when the case starts): {@code D}, {@code D+1d}, {@code D-5y+1d}, {@code D+2y-3m}; or an ISO
 * date. Years: {@code Y}, {@code Y-1} (D's year), or a number.
 */
final class Dates {
  private static final Pattern RELATIVE = Pattern.compile("D((?:[+-]\\d+[ymd])*)");
  private static final Pattern TERM = Pattern.compile("([+-])(\\d+)([ymd])");
  private static final Pattern YEAR = Pattern.compile("Y(?:([+-])(\\d+))?|\\d{4}");

  private Dates() {}

  static void check(String expression) {
    resolve(expression, LocalDate.of(2000, 1, 1));
  }

  static void checkYear(String expression) {
    year(expression, 2000);
  }

  static LocalDate resolve(String expression, LocalDate dayZero) {
    Matcher relative = RELATIVE.matcher(expression);
    if (relative.matches()) {
      LocalDate day = dayZero;
      Matcher term = TERM.matcher(relative.group(1));
      while (term.find()) {
        int n = Integer.parseInt(term.group(2)) * (term.group(1).equals("-") ? -1 : 1);
        day =
            switch (term.group(3)) {
              case "y" -> day.plusYears(n);
              case "m" -> day.plusMonths(n);
              default -> day.plusDays(n);
            };
      }
      return day;
    }
    try {
      return LocalDate.parse(expression);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a date: write D, D+1d, D-5y+1d or 2026-01-31");
    }
  }

  static int year(String expression, int dayZeroYear) {
    Matcher m = YEAR.matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a year: write Y, Y-1 or 2025");
    }
    if (!expression.startsWith("Y")) {
      return Integer.parseInt(expression);
    }
    int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return dayZeroYear + (m.group(1) != null && m.group(1).equals("-") ? -n : n);
  }
}
