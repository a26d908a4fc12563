package cn.yrd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.PenaltyKind;
import cn.yrd.registry.api.SupervisionRequests.PenaltyRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisionRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @ParameterizedTest(name = "{0}, revoked {1}, clean since {2}, removed {3} → allowed {4}")
  @CsvSource({
    "ACTIVE,       false, 2024-01-10, 2026-01-10, true",
    "ACTIVE,       false, 2024-01-10, 2026-01-09, false",
    "REVOKED,      true,  2020-01-10, 2026-01-10, false",
    "DEREGISTERED, true,  2020-01-10, 2026-01-10, true",
    "DEREGISTERED, true,  2025-01-10, 2026-01-10, false",
  })
  void seriousListRemovalRules(
      OrgStatus status, boolean revoked, LocalDate listed, LocalDate removed, boolean allowed) {
    assertThat(SupervisionRules.seriousRemovalBlock(status, revoked, listed, removed, 2).isEmpty())
        .isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} amount {1} until {2} → errors on {3}")
  @CsvSource({
    "FINE,            20000, ,           ''",
    "FINE,                 , ,           fineAmount",
    "FINE,               -5, ,           fineAmount",
    "WARNING,          1000, ,           fineAmount",
    "STOP_ACTIVITIES,      , 2026-09-01, ''",
    "STOP_ACTIVITIES,      , ,           stopUntil",
    "STOP_ACTIVITIES,      , 2026-02-01, stopUntil",
    "WARNING,              , 2026-09-01, stopUntil",
  })
  void penaltyFieldsDependOnTheKind(
      PenaltyKind kind, BigDecimal amount, LocalDate until, String field) {
    PenaltyRequest request =
        new PenaltyRequest(kind, LocalDate.of(2026, 3, 1), "沪民罚〔2026〕1号", "理由", amount, until);
    var errors = SupervisionRules.checkPenalty(request, TODAY).errors();
    if (field.isEmpty()) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).extracting(e -> e.field()).containsExactly(field);
    }
  }
}
