package cn.yrd.contracts.evidence;

import cn.yrd.contracts.tlog.TlogProof;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 互认证据: the evidence a recognition decision carries with it. A short header naming the recognition
 * and the organization, then one C2SP tlog-proof per event that led to the decision (the event's
 * canonical bytes as its {@code extra}), all to the same cosigned checkpoint, in log order,
 * separated by blank lines. Each proof can be cut out and checked on its own.
 */
public record RecognitionEvidence(UUID recognition, String uscc, List<TlogProof> proofs) {
  public static final String HEADER = "yrd-federation/recognition-evidence@v1";
  private static final String SEPARATOR = "\n" + TlogProof.HEADER + "\n";

  public RecognitionEvidence {
    proofs = List.copyOf(proofs);
  }

  /** The file's text. */
  public String text() {
    StringBuilder text =
        new StringBuilder(HEADER)
            .append("\nrecognition ")
            .append(recognition)
            .append("\nuscc ")
            .append(uscc)
            .append("\nproofs ")
            .append(proofs.size())
            .append("\n");
    proofs.forEach(p -> text.append('\n').append(p.text()));
    return text.toString();
  }

  /**
   * Reads a file; throws IllegalArgumentException naming the header line or the proof (counted from
   * 1) that is not as {@link #text()} writes it.
   */
  public static RecognitionEvidence parse(String text) {
    String[] header = text.split("\n", 5);
    if (header.length < 5 || !HEADER.equals(header[0])) {
      throw new IllegalArgumentException("line 1 is not " + HEADER + ": not an evidence file");
    }
    UUID recognition = uuid(value(header[1], "recognition", 2));
    String uscc = value(header[2], "uscc", 3);
    String count = value(header[3], "proofs", 4);
    if (!count.matches("[1-9][0-9]{0,5}")) {
      throw new IllegalArgumentException("line 4: the number of proofs is not a count");
    }
    String rest = header[4];
    if (!rest.startsWith(SEPARATOR)) {
      throw new IllegalArgumentException("line 5 is not blank before the first proof");
    }
    List<TlogProof> proofs = new ArrayList<>();
    int at = 1;
    while (at < rest.length()) {
      int next = rest.indexOf(SEPARATOR, at);
      String one = rest.substring(at, next < 0 ? rest.length() : next);
      try {
        proofs.add(TlogProof.parse(one));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("proof " + (proofs.size() + 1) + ": " + e.getMessage());
      }
      at = next < 0 ? rest.length() : next + 1;
    }
    if (proofs.size() != Integer.parseInt(count)) {
      throw new IllegalArgumentException(
          "line 4 announces " + count + " proofs; the file holds " + proofs.size());
    }
    RecognitionEvidence evidence = new RecognitionEvidence(recognition, uscc, proofs);
    if (!evidence.text().equals(text)) {
      throw new IllegalArgumentException("the file is not in its canonical form");
    }
    return evidence;
  }

  private static String value(String line, String name, int number) {
    if (!line.startsWith(name + " ") || line.length() == name.length() + 1) {
      throw new IllegalArgumentException("line " + number + " is not " + name + " <value>");
    }
    return line.substring(name.length() + 1);
  }

  private static UUID uuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      if (id.toString().equals(text)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new IllegalArgumentException("line 2: the recognition is not a UUID");
  }
}
