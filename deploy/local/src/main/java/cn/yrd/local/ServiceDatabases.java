package cn.yrd.local;

import java.util.List;
import java.util.Locale;

/** One database per service instance; each registry has its own, as each province would. */
public final class ServiceDatabases {
  public static final String RECOGNITION = "recognition";
  public static final String AUDIT = "audit";

  private ServiceDatabases() {}

  /** The database of a province's registry, e.g. {@code registry_sh}. */
  public static String registry(String provinceCode) {
    return "registry_" + provinceCode.toLowerCase(Locale.ROOT);
  }

  public static List<String> all() {
    return List.of(
        registry("SH"), registry("JS"), registry("ZJ"), registry("AH"), RECOGNITION, AUDIT);
  }
}
