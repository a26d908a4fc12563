package cn.yrd.support.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Business dates and timestamps are those of Asia/Shanghai, wherever the service runs. */
public final class BusinessTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BusinessTime() {}

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZONE);
  }
}
