package cn.yrd.recognition.service.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.RecognitionScope;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecognitionRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @ParameterizedTest(
      name = "{0} status={1} serious={2} abnormal={3} conflicts={4} scope={5} grade={6} → {7} {8}")
  @CsvSource({
    "missing, ACTIVE,  false, false, '',          OPERATE, false, REJECTED,       HOME_RECORD_MISSING",
    "present, REVOKED, false, false, '',          OPERATE, false, REJECTED,       HOME_NOT_ACTIVE",
    "present, ACTIVE,  true,  false, '',          OPERATE, false, REJECTED,       SERIOUS_LISTED",
    "present, ACTIVE,  false, false, HIGH,        OPERATE, false, REJECTED,       OPEN_HIGH_CONFLICT",
    "present, ACTIVE,  false, true,  '',          OPERATE, false, PENDING_REVIEW, ABNORMAL_LISTED",
    "present, ACTIVE,  false, false, MEDIUM,      OFFICE,  false, PENDING_REVIEW, OPEN_MEDIUM_CONFLICT",
    "present, ACTIVE,  false, true,  HIGH,        OPERATE, false, REJECTED,       OPEN_HIGH_CONFLICT",
    "present, ACTIVE,  false, false, '',          GRADE,   false, REJECTED,       NO_VALID_GRADE",
    "present, ACTIVE,  false, false, '',          GRADE,   true,  GRANTED,        ALL_CHECKS_PASSED",
    "present, ACTIVE,  false, false, '',          OPERATE, false, GRANTED,        ALL_CHECKS_PASSED",
  })
  void decidesByTheRulesOfDomainMd(
      String home,
      OrgStatus status,
      boolean serious,
      boolean abnormal,
      String conflicts,
      RecognitionScope scope,
      boolean graded,
      RecognitionStatus expected,
      String reason) {
    Optional<OrgSnapshot> record =
        home.equals("missing")
            ? Optional.empty()
            : Optional.of(home(status, graded, abnormal, serious));
    List<Severity> open = new ArrayList<>();
    if (!conflicts.isEmpty()) {
      open.add(Severity.valueOf(conflicts));
    }
    RecognitionRules.Decision decision = RecognitionRules.decide(record, open, scope, TODAY);
    assertThat(decision.status()).isEqualTo(expected);
    assertThat(decision.reasons()).contains(reason);
    if (graded && expected == RecognitionStatus.GRANTED) {
      assertThat(decision.grade().level()).isEqualTo(5);
      assertThat(decision.grade().expiresOn()).isEqualTo(TODAY.plusYears(2));
    }
  }

  /** The home province's record, as the table row describes it. */
  private static OrgSnapshot home(
      OrgStatus status, boolean graded, boolean abnormal, boolean serious) {
    Snapshot home = Snapshot.of("51310115000004212C", Province.JS).status(status);
    if (graded) {
      home.grade(5, TODAY.plusYears(2));
    }
    if (abnormal) {
      home.abnormal();
    }
    if (serious) {
      home.serious();
    }
    return home.build();
  }
}
