package cn.yrd.bench;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.UsccGenerator;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid registration bodies with unique codes, names and legal representatives, about 500 bytes
 * each.
 */
final class Orgs {
  private static final AtomicLong SERIAL = new AtomicLong(20_000_000);
  private static final String[] DIVISIONS = {"310115", "320583", "330106", "340104"};

  private Orgs() {}

  static String division(Province p) {
    return DIVISIONS[p.ordinal()];
  }

  static long next() {
    return SERIAL.incrementAndGet();
  }

  static String uscc(Province province, long serial) {
    return UsccGenerator.generate(
            province, division(province), OrgCategory.SOCIAL_SERVICE_INSTITUTION, serial)
        .value();
  }

  /** A registration; {@code name} null means a unique generated one. */
  static String json(Province province, long serial, String name) {
    // A legal representative of their own for each of 15 million consecutive serials, as in a
    // real register; (serial % 1000) for the sequence repeated a person every 15,000 serials.
    String id =
        ResidentIdNumber.compose(
            division(province),
            LocalDate.of(1960, 1, 1).plusDays(serial % 15_000),
            (int) (serial / 15_000 % 1000));
    return "{\"uscc\":\""
        + uscc(province, serial)
        + "\",\"name\":\""
        + (name == null ? province.chineseName() + "基准测试" + serial + "服务中心" : name)
        + "\",\"category\":\"SOCIAL_SERVICE_INSTITUTION\",\"legalRepresentative\":{\"name\":\"王芳\",\"idNumber\":\""
        + id
        + "\"},\"domicile\":\""
        + province.chineseName()
        + "市某区某路"
        + serial
        + "号\",\"businessScope\":\"社会工作服务、咨询、培训、交流合作\","
        + "\"registeredFunds\":100000,\"registrationAuthority\":\""
        + province.chineseName()
        + "民政局\",\"establishmentDate\":\"2019-05-20\"}";
  }
}
