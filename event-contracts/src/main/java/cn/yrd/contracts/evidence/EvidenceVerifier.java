package cn.yrd.contracts.evidence;

import cn.yrd.contracts.Topics;
import cn.yrd.contracts.tlog.AuditEntry;
import cn.yrd.contracts.tlog.InclusionProof;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.TlogProof;
import cn.yrd.contracts.tlog.VerifierKey;
import cn.yrd.contracts.tlog.WitnessPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a recognition's evidence file offline against a witness policy: the checkpoint is signed
 * by the policy's log and cosigned by its quorum, every signature on it verifies, every event's
 * proof leads to its root, and the events are the organization's and end with a decision on the
 * recognition. Every byte of the file is covered, so any change is named as a failure.
 */
public final class EvidenceVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DECISION_PREFIX = "cn.yrd.recognition.";
  private static final String CONFLICT_PREFIX = "cn.yrd.recognition.conflict-";

  private EvidenceVerifier() {}

  /** One event of the evidence, as a report lists it. */
  public record Event(long index, String eventId, String type, String time) {}

  /** What the evidence shows when it holds. */
  public record Summary(
      String recognition,
      String uscc,
      String decision,
      String status,
      long treeSize,
      Set<String> cosignedBy,
      List<Event> events) {}

  /** The outcome: no failures means the evidence holds. */
  public record Verdict(List<String> failures, Summary summary) {
    public boolean ok() {
      return failures.isEmpty();
    }
  }

  public static Verdict verify(byte[] file, WitnessPolicy policy) {
    RecognitionEvidence evidence;
    try {
      evidence = RecognitionEvidence.parse(AuditEntry.utf8(file, "the file"));
    } catch (IllegalArgumentException e) {
      return new Verdict(List.of("malformed: " + e.getMessage()), null);
    }
    List<String> failures = new ArrayList<>();
    String checkpoint = evidence.proofs().get(0).checkpoint();
    for (int i = 1; i < evidence.proofs().size(); i++) {
      if (!evidence.proofs().get(i).checkpoint().equals(checkpoint)) {
        failures.add("proof " + (i + 1) + " carries a different checkpoint from proof 1");
      }
    }
    SignedNote note = SignedNote.parse(checkpoint).orElseThrow();
    Set<String> cosigners = new LinkedHashSet<>();
    Optional<Tree> tree = checkpoint(note, policy, cosigners, failures);
    List<Event> events = new ArrayList<>();
    String decision = null;
    String status = null;
    long previous = -1;
    AuditEntry last = null;
    for (int i = 0; i < evidence.proofs().size(); i++) {
      TlogProof proof = evidence.proofs().get(i);
      String where = "proof " + (i + 1) + " (index " + proof.index() + ")";
      if (proof.index() <= previous) {
        failures.add(where + ": events are not in log order, each once");
      }
      previous = proof.index();
      last = null;
      if (proof.extra() == null) {
        failures.add(where + ": carries no event (extra line)");
        continue;
      }
      AuditEntry entry;
      try {
        entry = AuditEntry.parse(proof.extra());
      } catch (IllegalArgumentException e) {
        failures.add(where + ": its event is not in the canonical form: " + e.getMessage());
        continue;
      }
      last = entry;
      where += " event " + entry.eventId() + " " + entry.type();
      if (tree.isPresent() && !tree.get().includes(proof)) {
        failures.add(
            where
                + ": its inclusion proof does not lead to the checkpoint's root (the event, its"
                + " index or a proof hash was altered)");
      }
      String concerns = concerns(entry, evidence);
      if (concerns != null) {
        failures.add(where + ": " + concerns);
      }
      events.add(new Event(proof.index(), entry.eventId(), entry.type(), entry.time()));
      if (isDecision(entry)) {
        decision = entry.type();
        status = field(entry.payload(), "status");
      }
    }
    if (last == null || !isDecision(last)) {
      failures.add(
          "the last event is not one of recognition "
              + evidence.recognition()
              + ": the evidence does not end with its decision");
    }
    Summary summary =
        new Summary(
            evidence.recognition().toString(),
            evidence.uscc(),
            decision,
            status,
            tree.map(Tree::size).orElse(-1L),
            cosigners,
            events);
    return new Verdict(List.copyOf(failures), summary);
  }

  /** A checkpoint's size and root, once its signatures hold. */
  private record Tree(long size, byte[] root) {
    boolean includes(TlogProof proof) {
      byte[] leaf = InclusionProof.leafHash(proof.extra());
      return InclusionProof.root(proof.index(), size, leaf, proof.hashes())
          .filter(r -> Arrays.equals(r, root))
          .isPresent();
    }
  }

  /**
   * Checks the checkpoint against the policy: its origin is a log of the policy, the log signed it,
   * every signature line verifies by a key the policy names, and the cosigners meet the quorum.
   */
  private static Optional<Tree> checkpoint(
      SignedNote note, WitnessPolicy policy, Set<String> cosigners, List<String> failures) {
    List<String> body = note.bodyLines();
    Optional<Tree> tree = tree(body);
    if (tree.isEmpty()) {
      failures.add("the checkpoint's body is not origin, size and root hash");
      return Optional.empty();
    }
    String origin = body.get(0);
    List<VerifierKey> logs = policy.logsNamed(origin);
    if (logs.isEmpty()) {
      failures.add("the checkpoint's origin " + origin + " is not a log of the policy");
    }
    boolean logSigned = false;
    for (int i = 0; i < note.signatures().size(); i++) {
      String line = note.signatures().get(i);
      SignedNote one = new SignedNote(note.body(), List.of(line));
      String signer = line.substring(2, Math.max(2, line.lastIndexOf(' ')));
      boolean named = false;
      boolean valid = false;
      for (VerifierKey log : logs) {
        named |= log.name().equals(signer);
        if (one.signedBy(log)) {
          valid = true;
          logSigned = true;
        }
      }
      for (var witness : policy.witnesses().entrySet()) {
        named |= witness.getValue().name().equals(signer);
        if (one.signedBy(witness.getValue())) {
          valid = true;
          cosigners.add(witness.getKey());
        }
      }
      if (!named) {
        failures.add(
            "signature "
                + (i + 1)
                + " on the checkpoint is by "
                + signer
                + ", which is neither the policy's log nor one of its witnesses");
      } else if (!valid) {
        failures.add("signature " + (i + 1) + " on the checkpoint, by " + signer + ", is invalid");
      }
    }
    if (!logs.isEmpty() && !logSigned) {
      failures.add("the checkpoint carries no valid signature of the log " + origin);
    }
    if (!policy.satisfiedBy(cosigners)) {
      failures.add(
          "the checkpoint is cosigned by "
              + (cosigners.isEmpty() ? "no witness" : String.join(", ", cosigners))
              + "; the policy's quorum needs "
              + policy.quorumDescription());
    }
    return logSigned ? tree : Optional.empty();
  }

  private static Optional<Tree> tree(List<String> body) {
    if (body.size() < 3 || !body.get(1).matches("0|[1-9][0-9]{0,18}")) {
      return Optional.empty();
    }
    try {
      byte[] root = Base64.getDecoder().decode(body.get(2));
      return root.length == 32
          ? Optional.of(new Tree(Long.parseLong(body.get(1)), root))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Why an event does not belong in the evidence, or null: it is about the organization (its
   * subject, or a conflict that names it), and a recognition event is about this recognition.
   */
  private static String concerns(AuditEntry entry, RecognitionEvidence evidence) {
    boolean conflict = entry.type().startsWith(CONFLICT_PREFIX);
    boolean aboutOrganization =
        entry.subject().equals(evidence.uscc())
            || (conflict && entry.payload().contains("\"" + evidence.uscc() + "\""));
    if (!aboutOrganization) {
      return "its subject " + entry.subject() + " is not the organization " + evidence.uscc();
    }
    if (Topics.RECOGNITION.equals(entry.topic()) && !conflict) {
      String id = field(entry.payload(), "id");
      if (!evidence.recognition().toString().equals(id)) {
        return "it is an event of recognition " + id + ", not of " + evidence.recognition();
      }
    }
    return null;
  }

  private static boolean isDecision(AuditEntry entry) {
    return Topics.RECOGNITION.equals(entry.topic())
        && entry.type().startsWith(DECISION_PREFIX)
        && !entry.type().startsWith(CONFLICT_PREFIX);
  }

  private static String field(String payload, String name) {
    try {
      JsonNode value = JSON.readTree(payload).get(name);
      return value == null || !value.isTextual() ? null : value.asText();
    } catch (Exception e) {
      return null;
    }
  }
}
