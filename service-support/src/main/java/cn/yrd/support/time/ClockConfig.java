package cn.yrd.support.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The business clock ({@code yrd.clock.*}). */
@ConfigMapping(prefix = "yrd.clock")
public interface ClockConfig {

  /**
   * Whether {@code PUT /api/v1/test-clock} may move the business date, for conformance cases that
   * cross a time boundary. Only the test profile may set it: the prod profile refuses to start.
   */
  @WithDefault("false")
  boolean movable();
}
