package cn.yrd.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is on exactly when an OTLP endpoint is configured. */
class TracingSwitchTest {
  @Test
  void withoutAnEndpointTheSdkIsOff() {
    SmallRyeConfig config = config(Map.of());

    assertThat(config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isTrue();
  }

  @Test
  void anEndpointTurnsTracingOnAndIsWhereSpansGo() {
    SmallRyeConfig config = config(Map.of(TracingSwitch.ENDPOINT, "http://jaeger:4317"));

    assertThat(config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isFalse();
    assertThat(config.getValue(TracingSwitch.TRACES_ENDPOINT, String.class))
        .isEqualTo("http://jaeger:4317");
  }

  @Test
  void theProtocolGoesWithTheEndpoint() {
    SmallRyeConfig config =
        config(
            Map.of(
                TracingSwitch.ENDPOINT,
                "http://jaeger:4318",
                TracingSwitch.PROTOCOL,
                "http/protobuf"));

    assertThat(config.getValue(TracingSwitch.TRACES_PROTOCOL, String.class))
        .isEqualTo("http/protobuf");
  }

  @Test
  void aBlankEndpointCountsAsNone() {
    SmallRyeConfig config = config(Map.of(TracingSwitch.ENDPOINT, " "));

    assertThat(config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isTrue();
  }

  @Test
  void anExplicitQuarkusSettingStillWins() {
    SmallRyeConfig config = config(Map.of(TracingSwitch.SDK_DISABLED, "false"));

    assertThat(config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isFalse();
  }

  /** As an application.properties (ordinal 250) would set them. */
  private static SmallRyeConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
        .withSources(new TracingSwitch())
        .build();
  }
}
