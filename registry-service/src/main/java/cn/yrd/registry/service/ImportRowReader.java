package cn.yrd.registry.service;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.support.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an import file one row at a time (NDJSON or CSV with a header), so a file of any size is
 * never held in memory. A row that cannot be read comes back with the reason instead of a request.
 */
public final class ImportRowReader {
  /** The CSV columns, in any order; the header row names them. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "uscc",
          "name",
          "category",
          "legalRepName",
          "legalRepIdNumber",
          "domicile",
          "businessScope",
          "registeredFunds",
          "supervisoryUnit",
          "registrationAuthority",
          "establishmentDate");

  /** One data row: its line, and either the request or why it could not be read. */
  public record Row(long line, RegistrationRequest request, String unreadable) {}

  public enum Format {
    NDJSON,
    CSV
  }

  private final BufferedReader in;
  private final Format format;
  private final ObjectMapper json;
  private long line;
  private Map<String, Integer> columns;

  public ImportRowReader(BufferedReader in, Format format, ObjectMapper json) {
    this.in = in;
    this.format = format;
    this.json = json;
  }

  /** The next data row, or null at the end of the file. */
  public Row next() {
    try {
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        if (format == Format.CSV && columns == null) {
          Row headerProblem = readHeader(text);
          if (headerProblem != null) {
            return headerProblem;
          }
          continue;
        }
        return format == Format.NDJSON ? parseJson(text) : parseCsv(text);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("the upload was interrupted", e);
    }
  }

  private Row parseJson(String text) {
    try {
      RegistrationRequest request = json.readValue(text, RegistrationRequest.class);
      return request == null
          ? new Row(line, null, "not a registration object: the line is null")
          : new Row(line, request, null);
    } catch (JsonProcessingException e) {
      return new Row(line, null, "not a registration object: " + e.getOriginalMessage());
    }
  }

  private Row readHeader(String text) {
    List<String> names = CsvLine.split(text);
    if (names == null) {
      return new Row(line, null, "the header row has an unclosed quote");
    }
    Map<String, Integer> found = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      found.put(names.get(i).strip(), i);
    }
    List<String> missing =
        CSV_COLUMNS.stream()
            .filter(c -> !found.containsKey(c) && !c.equals("supervisoryUnit"))
            .toList();
    if (!missing.isEmpty()) {
      throw ProblemException.field(
          "header", "the CSV header lacks " + missing + "; expected " + CSV_COLUMNS);
    }
    columns = found;
    return null;
  }

  private Row parseCsv(String text) {
    List<String> cells = CsvLine.split(text);
    if (cells == null) {
      return new Row(line, null, "unclosed quote (a field may not span lines)");
    }
    if (cells.size() != columns.size()) {
      return new Row(
          line, null, "has " + cells.size() + " fields, the header has " + columns.size());
    }
    List<String> problems = new ArrayList<>();
    OrgCategory category =
        parse(cells, "category", problems, s -> OrgCategory.valueOf(s.toUpperCase(Locale.ROOT)));
    BigDecimal funds = parse(cells, "registeredFunds", problems, BigDecimal::new);
    LocalDate established = parse(cells, "establishmentDate", problems, LocalDate::parse);
    if (!problems.isEmpty()) {
      return new Row(line, null, String.join("; ", problems));
    }
    return new Row(
        line,
        new RegistrationRequest(
            cell(cells, "uscc"),
            cell(cells, "name"),
            category,
            new RegistrationRequest.LegalRepresentativeInput(
                cell(cells, "legalRepName"), cell(cells, "legalRepIdNumber")),
            cell(cells, "domicile"),
            cell(cells, "businessScope"),
            funds,
            cell(cells, "supervisoryUnit"),
            cell(cells, "registrationAuthority"),
            established,
            null),
        null);
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private <T> T parse(List<String> cells, String column, List<String> problems, Parser<T> parser) {
    String text = cell(cells, column);
    if (text == null) {
      return null;
    }
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      problems.add(column + " '" + text + "' cannot be read");
      return null;
    }
  }

  private String cell(List<String> cells, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      return null;
    }
    String value = cells.get(index).strip();
    return value.isEmpty() ? null : value;
  }
}
