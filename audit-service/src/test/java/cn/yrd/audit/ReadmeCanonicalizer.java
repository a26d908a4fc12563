package cn.yrd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The leaf hash of a served event, recomputed from the README's recipe alone ("To check an event
 * without trusting the server", step 1): no class of the audit service is used, every value is
 * taken from the served JSON as it is.
 */
final class ReadmeCanonicalizer {
  private ReadmeCanonicalizer() {}

  /** SHA-256(0x00 ‖ canonical bytes) of {@code event}, a served {@code EventView}. */
  static byte[] leafHash(JsonNode event) {
    String text =
        "ce_id="
            + text(event, "eventId")
            + "\nce_type="
            + text(event, "type")
            + "\nce_source="
            + text(event, "source")
            + "\nce_subject="
            + orEmpty(text(event, "subject"))
            + "\nce_time="
            + orEmpty(text(event, "time"))
            + "\nce_province="
            + orEmpty(text(event, "province"))
            + "\nce_sequence="
            + orEmpty(text(event, "sequence"))
            + "\ntopic="
            + text(event, "topic")
            + "\n\n"
            + text(event, "payload");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update((byte) 0);
      return sha256.digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A field's JSON value as text (a number in its decimal form); null when null or absent. */
  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
