package cn.yrd.audit.merkle;

import java.util.Optional;

/**
 * The index part of a C2SP tlog-tiles path, {@code <N>[.p/<W>]}: the tile index in zero-padded
 * 3-digit elements, all but the last prefixed with {@code x} ({@code 1234067} is {@code
 * x001/x234/067}), and for a partial tile its width.
 */
public record TilePath(long index, int width) {
  /** Hashes (or entries) in a full tile. */
  public static final int FULL = 256;

  public TilePath {
    if (index < 0 || width < 1 || width > FULL) {
      throw new IllegalArgumentException("no tile " + index + " of width " + width);
    }
  }

  public boolean isPartial() {
    return width < FULL;
  }

  /**
   * Parses {@code x001/x234/067} or {@code x001/x234/067.p/5}; empty unless the text is the one
   * canonical encoding of its index and width.
   */
  public static Optional<TilePath> parse(String text) {
    String indexPart = text;
    int width = FULL;
    int partial = text.indexOf(".p/");
    if (partial >= 0) {
      String w = text.substring(partial + 3);
      if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) >= FULL) {
        return Optional.empty();
      }
      width = Integer.parseInt(w);
      indexPart = text.substring(0, partial);
    }
    if (!indexPart.matches("(x[0-9]{3}/)*[0-9]{3}") || indexPart.length() > 27) {
      return Optional.empty();
    }
    long index = Long.parseLong(indexPart.replace("x", "").replace("/", ""));
    TilePath path = new TilePath(index, width);
    return path.toString().equals(text) ? Optional.of(path) : Optional.empty();
  }

  /** The canonical encoding. */
  @Override
  public String toString() {
    String digits = Long.toString(index);
    int elements = Math.max(1, (digits.length() + 2) / 3);
    String padded = "0".repeat(elements * 3 - digits.length()) + digits;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < elements; i++) {
      if (i > 0) {
        out.append('/');
      }
      if (i < elements - 1) {
        out.append('x');
      }
      out.append(padded, i * 3, i * 3 + 3);
    }
    return isPartial() ? out + ".p/" + width : out.toString();
  }
}
