package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prints development bearer tokens, one per role and province, signed with the key pair in {@code
 * .yrd/keys} (generated on first use; never commit it). Services verify them with {@code
 * .yrd/keys/jwt-public.pem}. Arguments: {@code [role [province]]} to print just one token.
 */
public final class DevTokensMain {
  private static final List<String> PROVINCIAL_ROLES =
      List.of(Roles.REGISTRAR, Roles.SUPERVISOR, Roles.RECOGNITION_OFFICER, Roles.READER);
  private static final Duration VALID_FOR = Duration.ofHours(12);

  private DevTokensMain() {}

  public static void main(String[] args) {
    DevKeys keys = DevKeys.in(Path.of(System.getProperty("yrd.keys.dir", ".yrd/keys")));
    DevTokens tokens = new DevTokens(keys.privateKey(), Roles.DEFAULT_ISSUER);
    if (args.length > 0) {
      String province = args.length > 1 ? args[1] : null;
      System.out.println(
          tokens.mint(subject(args[0], province), List.of(args[0]), province, VALID_FOR));
      return;
    }
    System.out.println("# public key: " + keys.publicKeyFile().toAbsolutePath());
    System.out.println("# tokens valid for " + VALID_FOR.toHours() + " h");
    for (Province province : Province.values()) {
      for (String role : PROVINCIAL_ROLES) {
        String variable = "TOKEN_" + role.toUpperCase().replace('-', '_') + "_" + province.name();
        System.out.println(
            variable
                + "="
                + tokens.mint(
                    subject(role, province.name()), List.of(role), province.name(), VALID_FOR));
      }
    }
    System.out.println(
        "TOKEN_AUDITOR=" + tokens.mint("auditor", List.of(Roles.AUDITOR), null, VALID_FOR));
  }

  private static String subject(String role, String province) {
    return province == null ? role : role + "-" + province.toLowerCase();
  }
}
