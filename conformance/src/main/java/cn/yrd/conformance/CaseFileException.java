package cn.yrd.conformance;

import java.nio.file.Path;

/**
 * A case file that cannot be run, with the file, the line and what is wrong. It is never skipped.
 */
public final class CaseFileException extends RuntimeException {
  private final transient Path file;
  private final int line;

  public CaseFileException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
