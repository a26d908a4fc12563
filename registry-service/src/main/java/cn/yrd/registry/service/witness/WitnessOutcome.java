package cn.yrd.registry.service.witness;

/** What {@code add-checkpoint} answers: a status, its content type and its body. */
public record WitnessOutcome(int status, String contentType, String body) {
  static final String TEXT = "text/plain; charset=utf-8";

  static WitnessOutcome cosigned(String line) {
    return new WitnessOutcome(200, TEXT, line + "\n");
  }

  /** 409: the client's old size is not the size this witness last cosigned. */
  static WitnessOutcome sizeConflict(long size) {
    return new WitnessOutcome(409, "text/x.tlog.size", size + "\n");
  }

  static WitnessOutcome refused(int status, String reason) {
    return new WitnessOutcome(status, TEXT, reason + "\n");
  }
}
