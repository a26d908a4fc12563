package cn.yrd.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @AfterEach
  void backToTheWallClock() {
    BusinessTime.moveTo(null);
  }

  @Test
  void theProdProfileRefusesAMovableClockWithAClearMessage() {
    assertThat(TestClock.refusal(true, List.of("prod")))
        .get()
        .asString()
        .contains("yrd.clock.movable=true is refused in the prod profile");
    assertThat(TestClock.refusal(true, List.of("test"))).isEmpty();
    assertThat(TestClock.refusal(false, List.of("prod"))).isEmpty();
  }

  @Test
  void aMovedClockAnswersTheDayItWasMovedToAndGoesBack() {
    LocalDate day = LocalDate.of(2031, 2, 28);
    BusinessTime.moveTo(day);
    assertThat(BusinessTime.today()).isEqualTo(day);
    assertThat(BusinessTime.now().toLocalDate()).isEqualTo(day);
    BusinessTime.moveTo(null);
    assertThat(BusinessTime.today()).isEqualTo(LocalDate.now(BusinessTime.ZONE));
  }
}
