package cn.yrd.recognition.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheStandardWebhooksReferenceVector() {
    assertThat(
            WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void freshSecretsCarryThirtyTwoRandomBytes() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void retriesBackOffExponentiallyUpToTheLongestPause() {
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);
    assertThat(schedule.pauseAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(schedule.pauseAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(schedule.pauseAfter(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(schedule.pauseAfter(4)).isEqualTo(Duration.ofMinutes(1));
    assertThat(schedule.pauseAfter(40)).isEqualTo(Duration.ofMinutes(1));
    assertThat(schedule.exhausted(4)).isFalse();
    assertThat(schedule.exhausted(5)).isTrue();
  }
}
