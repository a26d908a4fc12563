package cn.yrd.local;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints development bearer tokens, one per role and province, signed by the development issuers'
 * keys in {@code .yrd/keys/issuers} (generated on first use; never commit them). The issuers that
 * publish those keys run in the launcher and in {@link LocalInfraMain}. Arguments: {@code [role
 * [province]]} to print just one token.
 */
public final class DevTokensMain {
  private static final Duration VALID_FOR = Duration.ofHours(12);

  private DevTokensMain() {}

  public static void main(String[] args) {
    Path keys = Path.of(System.getProperty("yrd.keys.dir", ".yrd/keys"));
    try (DevIssuers issuers = DevIssuers.signingOnly(keys, "http://127.0.0.1:8180")) {
      if (args.length > 0) {
        Province province = args.length > 1 ? Province.valueOf(args[1]) : null;
        System.out.println(issuers.token(args[0], province, VALID_FOR));
        return;
      }
      System.out.println("# tokens valid for " + VALID_FOR.toHours() + " h");
      for (Province province : Province.values()) {
        for (String role : DevIssuers.PROVINCIAL_ROLES) {
          System.out.println(
              "TOKEN_"
                  + role.toUpperCase(Locale.ROOT).replace('-', '_')
                  + "_"
                  + province.name()
                  + "="
                  + issuers.token(role, province, VALID_FOR));
        }
      }
      System.out.println("TOKEN_AUDITOR=" + issuers.token(Roles.AUDITOR, null, VALID_FOR));
    }
  }
}
