package cn.yrd.contracts.evidence;

import cn.yrd.contracts.tlog.WitnessPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code verify-evidence FILE --policy POLICY}: checks a recognition's evidence file offline. Exit
 * status 0 when it holds, 1 when it does not (each failure on its own line), 2 on bad usage.
 */
public final class VerifyEvidenceMain {
  private VerifyEvidenceMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 3 || !"--policy".equals(args[1])) {
      err.println("usage: verify-evidence FILE --policy POLICY");
      return 2;
    }
    byte[] file;
    WitnessPolicy policy;
    try {
      file = Files.readAllBytes(Path.of(args[0]));
      policy = WitnessPolicy.parse(Files.readString(Path.of(args[2])));
    } catch (IOException e) {
      err.println("cannot read " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(args[2] + ": " + e.getMessage());
      return 2;
    }
    EvidenceVerifier.Verdict verdict = EvidenceVerifier.verify(file, policy);
    if (!verdict.ok()) {
      out.println("FAILED: " + args[0]);
      verdict.failures().forEach(f -> out.println("  " + f));
      return 1;
    }
    EvidenceVerifier.Summary s = verdict.summary();
    out.println("OK: recognition " + s.recognition() + " of " + s.uscc() + ": " + s.status());
    out.println(
        "  checkpoint of "
            + s.treeSize()
            + " events, cosigned by "
            + (s.cosignedBy().isEmpty() ? "no witness" : String.join(", ", s.cosignedBy())));
    s.events()
        .forEach(
            e ->
                out.println(
                    "  #" + e.index() + " " + e.time() + " " + e.type() + " " + e.eventId()));
    return 0;
  }
}
