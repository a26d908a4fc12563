package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yrd.contracts.Province;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerBindingTest {
  private record Issuer(Optional<Province> province, Map<String, String> roles)
      implements IdentityConfig.Issuer {}

  private final IssuerBinding binding =
      new IssuerBinding(
          Map.of(
              "sh",
              new Issuer(Optional.of(Province.SH), Map.of("registrar", "registrar")),
              "zj",
              new Issuer(Optional.of(Province.ZJ), Map.of("登记员", "registrar")),
              "federation",
              new Issuer(Optional.empty(), Map.of("auditor", "auditor"))));

  @ParameterizedTest(name = "{0} token, province claim {1}, groups {2}: province {3}, roles {4}")
  @CsvSource({
    "sh,         ,   registrar, SH, registrar",
    "sh,         SH, registrar, SH, registrar",
    "sh,         ,   auditor,   SH, ''",
    "zj,         ,   登记员,      ZJ, registrar",
    "zj,         ,   registrar, ZJ, ''",
    "federation, ,   auditor,   '', auditor",
    "federation, ,   registrar, '', ''",
  })
  void grantsWhatTheIssuerMaps(
      String tenant, String claim, String group, String province, String role) {
    IssuerBinding.Grant grant = binding.bind(tenant, claim, List.of(group));
    assertEquals(
        province.isEmpty() ? Optional.empty() : Optional.of(Province.valueOf(province)),
        grant.province());
    assertEquals(role.isEmpty() ? Set.of() : Set.of(role), grant.roles());
  }

  @ParameterizedTest(name = "{0} token claiming {1} is refused")
  @CsvSource({"sh, JS", "zj, SH", "federation, SH", "sh, sh"})
  void refusesAProvinceTheIssuerDoesNotSpeakFor(String tenant, String claim) {
    TokenRefusedException refused =
        assertThrows(
            TokenRefusedException.class, () -> binding.bind(tenant, claim, List.of("registrar")));
    assertTrue(refused.getMessage().contains("claims province " + claim), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"js", "Default"})
  void refusesATenantWithoutAnIssuerEntry(String tenant) {
    assertThrows(TokenRefusedException.class, () -> binding.bind(tenant, null, List.of()));
  }
}
