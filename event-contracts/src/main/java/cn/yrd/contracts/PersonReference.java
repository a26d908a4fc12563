package cn.yrd.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 人员标识: HMAC-SHA256(federation key, normalized ID number) in hex. Every province computes the same
 * reference for the same person, so the federation can link people without ever seeing their ID
 * numbers.
 */
public final class PersonReference {
  private PersonReference() {}

  public static String of(byte[] federationKey, String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(federationKey, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(ResidentIdNumber.normalize(idNumber).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
