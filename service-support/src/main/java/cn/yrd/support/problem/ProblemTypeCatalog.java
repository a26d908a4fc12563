package cn.yrd.support.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What each problem type means and how to fix it ({@code META-INF/yrd/problem-types.properties}),
 * and for {@code rule/<ID>} the rulebook's row for that rule ({@code docs/rules.md}, packaged as
 * {@code META-INF/yrd/rules.md}), rendered as a small HTML page.
 */
final class ProblemTypeCatalog {
  private static final Pattern HTTP_STATUS = Pattern.compile("http-[1-5][0-9][0-9]");
  private final Properties entries;
  private final List<String> rulebook;

  private ProblemTypeCatalog(Properties entries, List<String> rulebook) {
    this.entries = entries;
    this.rulebook = rulebook;
  }

  static ProblemTypeCatalog load() {
    Properties entries = new Properties();
    try (InputStream in = resource("META-INF/yrd/problem-types.properties")) {
      entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> rulebook = new ArrayList<>();
    try (InputStream in = resource("META-INF/yrd/rules.md")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(rulebook::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProblemTypeCatalog(entries, rulebook);
  }

  Optional<String> page(String name) {
    if (entries.containsKey(name + ".title")) {
      return Optional.of(
          html(
              name,
              entries.getProperty(name + ".title"),
              entries.getProperty(name + ".explains"),
              entries.getProperty(name + ".fix"),
              List.of()));
    }
    if (HTTP_STATUS.matcher(name).matches()) {
      int status = Integer.parseInt(name.substring(5));
      return Optional.of(
          html(
              name,
              "HTTP " + status,
              "The HTTP layer refused the request before an operation ran (for example 405: the"
                  + " path does not take that method, and Allow lists the ones it does; 406 or"
                  + " 415: a media type the operation does not produce or consume).",
              "Call the operation as the OpenAPI document (/q/openapi) declares it.",
              List.of()));
    }
    if (name.startsWith("rule/")) {
      String rule = name.substring(5);
      List<String> row = rulebookRow(rule);
      String explains = entries.getProperty(name + ".explains");
      if (row.isEmpty() && explains == null) {
        return Optional.empty();
      }
      return Optional.of(
          html(
              name,
              entries.getProperty("rule.title") + ": " + rule,
              explains == null ? entries.getProperty("rule.explains") : explains,
              entries.getProperty("rule.fix"),
              row));
    }
    return Optional.empty();
  }

  /** The rulebook's table row for a rule ID, as "header: cell" pairs; empty if it has none. */
  private List<String> rulebookRow(String id) {
    List<String> header = List.of();
    for (String line : rulebook) {
      if (line.startsWith("| ID |")) {
        header = cells(line);
      } else if (line.startsWith("| " + id + " |") && !header.isEmpty()) {
        List<String> cells = cells(line);
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i < Math.min(header.size(), cells.size()); i++) {
          pairs.add(header.get(i) + ": " + cells.get(i));
        }
        return pairs;
      }
    }
    return List.of();
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String cell : row.substring(1, row.lastIndexOf('|')).split("\\|")) {
      cells.add(cell.trim());
    }
    return cells;
  }

  private static String html(
      String name, String title, String explains, String fix, List<String> rulebook) {
    StringBuilder page = new StringBuilder();
    page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title></head><body><h1>")
        .append(escape(title))
        .append("</h1><p><code>")
        .append(escape(ProblemTypes.uri(name)))
        .append("</code></p><h2>What happened</h2><p>")
        .append(escape(explains))
        .append("</p>");
    if (!rulebook.isEmpty()) {
      page.append("<h2>The rule (docs/rules.md)</h2><ul>");
      rulebook.forEach(line -> page.append("<li>").append(escape(line)).append("</li>"));
      page.append("</ul>");
    }
    return page.append("<h2>How to fix it</h2><p>")
        .append(escape(fix))
        .append("</p></body></html>")
        .toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = ProblemTypeCatalog.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from the class path");
    }
    return in;
  }
}
