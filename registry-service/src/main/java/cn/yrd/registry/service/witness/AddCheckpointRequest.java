package cn.yrd.registry.service.witness;

import cn.yrd.contracts.tlog.SignedNote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} call: {@code old <size>}, up to 63 base64
 * consistency-proof hashes, a blank line, then the signed checkpoint.
 */
public record AddCheckpointRequest(
    long oldSize,
    List<byte[]> proof,
    SignedNote checkpoint,
    String origin,
    long size,
    byte[] root) {

  private static final int MAX_PROOF = 63;

  /** Parses a request body; empty if it is malformed in any way (a 400). */
  public static Optional<AddCheckpointRequest> parse(String body) {
    int blank = body.indexOf("\n\n");
    if (!body.startsWith("old ") || blank < 0) {
      return Optional.empty();
    }
    String[] head = body.substring(0, blank).split("\n", -1);
    Optional<Long> old = decimal(head[0].substring(4));
    if (old.isEmpty() || head.length - 1 > MAX_PROOF) {
      return Optional.empty();
    }
    List<byte[]> proof = new ArrayList<>();
    for (String line : Arrays.asList(head).subList(1, head.length)) {
      Optional<byte[]> hash = hash(line);
      if (hash.isEmpty()) {
        return Optional.empty();
      }
      proof.add(hash.get());
    }
    Optional<SignedNote> note = SignedNote.parse(body.substring(blank + 2));
    if (note.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = note.get().bodyLines();
    if (lines.size() < 3 || lines.get(0).isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> size = decimal(lines.get(1));
    Optional<byte[]> root = hash(lines.get(2));
    if (size.isEmpty() || root.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AddCheckpointRequest(
            old.get(), List.copyOf(proof), note.get(), lines.get(0), size.get(), root.get()));
  }

  /** An ASCII decimal with no leading zeros (but {@code 0}). */
  private static Optional<Long> decimal(String text) {
    if (!text.matches("0|[1-9][0-9]{0,18}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> hash(String line) {
    try {
      byte[] hash = Base64.getDecoder().decode(line);
      return hash.length == 32 ? Optional.of(hash) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
