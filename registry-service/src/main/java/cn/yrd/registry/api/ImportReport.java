package cn.yrd.registry.api;

import cn.yrd.contracts.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk import did: counts, and every rejected row with its line number. */
@Schema(description = "The outcome of a bulk import (批量导入).")
public record ImportReport(
    @Schema(description = "Data rows read (blank lines and the CSV header are not rows)") long rows,
    @Schema(description = "Rows stored and published") long accepted,
    @Schema(description = "Rows refused; nothing of them was stored") long rejected,
    @Schema(description = "Rows accepted with a warning (e.g. funds below the usual minimum)")
        long warned,
    @Schema(description = "The rejected rows, in file order, up to the report limit")
        List<RowError> errors,
    @Schema(description = "True when more rows were rejected than the report lists")
        boolean errorsTruncated) {

  /** One refused row. */
  public record RowError(
      @Schema(description = "1-based line in the uploaded file") long line,
      @Schema(description = "The row's USCC, if it could be read") String uscc,
      List<Problem.FieldError> errors) {}
}
