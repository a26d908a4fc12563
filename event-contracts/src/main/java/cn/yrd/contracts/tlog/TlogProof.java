package cn.yrd.contracts.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-proof: an entry's index, its inclusion proof and the (cosigned) checkpoint the proof
 * leads to, with the entry itself as the {@code extra} data. Parsing is strict: a proof reads back
 * only from its own {@link #text()}, so no byte of it can change unnoticed.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String checkpoint) {
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  public TlogProof {
    hashes = List.copyOf(hashes);
  }

  /** The proof as text: header, extra, index, hashes, a blank line, the checkpoint verbatim. */
  public String text() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      text.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    text.append("index ").append(index).append('\n');
    hashes.forEach(h -> text.append(Base64.getEncoder().encodeToString(h)).append('\n'));
    return text.append('\n').append(checkpoint).toString();
  }

  /**
   * Reads a proof; throws IllegalArgumentException naming the first line (counted from 1) that is
   * not as {@link #text()} writes it.
   */
  public static TlogProof parse(String text) {
    String[] lines = text.split("\n", -1);
    int line = 0;
    expect(lines, line, HEADER.equals(lines[line]), "is not " + HEADER);
    line++;
    byte[] extra = null;
    if (lines.length > line && lines[line].startsWith("extra ")) {
      extra = base64(lines[line].substring(6), lines, line, -1);
      line++;
    }
    expect(lines, line, lines.length > line && lines[line].startsWith("index "), "is not index");
    long index = decimal(lines[line].substring(6), lines, line);
    line++;
    List<byte[]> hashes = new ArrayList<>();
    while (lines.length > line && !lines[line].isEmpty()) {
      hashes.add(base64(lines[line], lines, line, 32));
      line++;
    }
    expect(lines, line, lines.length > line, "is missing: a blank line before the checkpoint");
    String checkpoint = String.join("\n", List.of(lines).subList(line + 1, lines.length));
    boolean note = SignedNote.parse(checkpoint).map(n -> n.text().equals(checkpoint)).orElse(false);
    expect(lines, line + 1, note, "does not begin a signed checkpoint note");
    return new TlogProof(extra, index, hashes, checkpoint);
  }

  private static void expect(String[] lines, int line, boolean holds, String otherwise) {
    if (!holds) {
      throw new IllegalArgumentException("line " + (line + 1) + " of the proof " + otherwise);
    }
  }

  private static long decimal(String text, String[] lines, int line) {
    boolean canonical = text.matches("0|[1-9][0-9]{0,17}");
    expect(lines, line, canonical, "has no decimal index without leading zeros");
    return Long.parseLong(text);
  }

  /** Base64 that decodes and encodes back to the same text (no stray padding bits). */
  private static byte[] base64(String text, String[] lines, int line, int length) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      bytes = null;
    }
    boolean canonical =
        bytes != null
            && Base64.getEncoder().encodeToString(bytes).equals(text)
            && (length < 0 || bytes.length == length);
    expect(
        lines,
        line,
        canonical,
        length < 0 ? "is not canonical base64" : "is not a base64 SHA-256 hash");
    return bytes;
  }
}
