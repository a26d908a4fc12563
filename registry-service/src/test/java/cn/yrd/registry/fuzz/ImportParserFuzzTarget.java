package cn.yrd.registry.fuzz;

import cn.yrd.registry.service.ImportRowReader;
import cn.yrd.support.problem.ProblemException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;

/**
 * Jazzer fuzz target (coverage-guided, run by the build for a few seconds) for the bulk-import
 * parsers: whatever an upload holds, each line comes back as a row or as the reason it is
 * unreadable — a bad CSV header is the one problem that ends an import — never as an exception, and
 * line numbers only go up.
 */
public final class ImportParserFuzzTarget {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ImportParserFuzzTarget() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean csv = data.consumeBoolean();
    String header =
        csv && data.consumeBoolean() ? String.join(",", ImportRowReader.CSV_COLUMNS) + "\n" : "";
    String upload = header + data.consumeRemainingAsString();
    ImportRowReader reader =
        new ImportRowReader(
            new BufferedReader(new StringReader(upload)),
            csv ? ImportRowReader.Format.CSV : ImportRowReader.Format.NDJSON,
            JSON);
    long lastLine = 0;
    try {
      ImportRowReader.Row row;
      while ((row = reader.next()) != null) {
        if (row.line() <= lastLine) {
          throw new AssertionError("line " + row.line() + " after line " + lastLine);
        }
        if ((row.request() == null) == (row.unreadable() == null)) {
          throw new AssertionError("line " + row.line() + " is neither read nor rejected");
        }
        lastLine = row.line();
      }
    } catch (ProblemException headerProblem) {
      if (!csv) {
        throw new AssertionError("an NDJSON upload ended with " + headerProblem.getMessage());
      }
    }
  }
}
