package cn.yrd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yrd.contracts.Province;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {
  private final AccessPolicy shRegistry = new AccessPolicy(Province.SH);

  private static CallerInfo caller(String role, String province) {
    return new CallerInfo(
        "someone",
        Set.of(role),
        "-".equals(province) ? Optional.empty() : Optional.of(Province.valueOf(province)));
  }

  @ParameterizedTest(
      name = "{0} of {1}: registration write {2}, supervision write {3}, read {4}, unmask {5}")
  @CsvSource({
    "registrar,           SH, true,  false, true,  true",
    "registrar,           JS, false, false, false, false",
    "supervisor,          SH, false, true,  true,  false",
    "supervisor,          ZJ, false, false, false, false",
    "reader,              SH, false, false, true,  false",
    "reader,              AH, false, false, false, false",
    "recognition-officer, SH, false, false, true,  false",
    "auditor,             -,  false, false, true,  false",
    "unknown-role,        SH, false, false, false, false",
  })
  void decidesByRoleAndProvince(
      String role,
      String province,
      boolean registrationWrite,
      boolean supervisionWrite,
      boolean read,
      boolean unmask) {
    CallerInfo who = caller(role, province);
    assertAllowed(() -> shRegistry.requireRegistrationWrite(who), registrationWrite);
    assertAllowed(() -> shRegistry.requireSupervisionWrite(who), supervisionWrite);
    assertAllowed(() -> shRegistry.requireRead(who), read);
    assertThat(shRegistry.mayUnmask(who)).isEqualTo(unmask);
  }

  private static void assertAllowed(Runnable check, boolean allowed) {
    if (allowed) {
      assertThatCode(check::run).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(check::run)
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(403));
    }
  }
}
