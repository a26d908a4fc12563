package cn.yrd.recognition.service.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.recognition.service.conflict.Condition;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What an intended registration would raise, judged by the conflict rules themselves. */
class ClearanceRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final String SH_CODE = code(Province.SH, "310115", OrgCategory.SOCIAL_GROUP, 11);
  private static final String JS_CODE = code(Province.JS, "320583", OrgCategory.SOCIAL_GROUP, 12);
  private static final String ZJ_CODE = code(Province.ZJ, "330106", OrgCategory.SOCIAL_GROUP, 13);
  private static final String AH_FOUNDATION =
      code(Province.AH, "340104", OrgCategory.FOUNDATION, 14);

  private static String code(Province p, String division, OrgCategory category, long serial) {
    return UsccGenerator.generate(p, division, category, serial).value();
  }

  /** The intended SH social group, named 上海市软件行业协会, represented by person "p". */
  private static Snapshot intended() {
    return Snapshot.of(SH_CODE, Province.SH).name("上海市软件行业协会").person("p");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing like it anywhere: clear", intended(), around(), List.of()),
        Arguments.of(
            "its representative already represents an active social group",
            intended(),
            around(Snapshot.of(JS_CODE, Province.JS).name("江苏").person("p")),
            List.of(RuleIds.SOCIAL_GROUP_REP_CONCURRENT)),
        Arguments.of(
            "its representative represents a foundation",
            intended(),
            around(Snapshot.of(AH_FOUNDATION, Province.AH).name("安徽基金会").person("p")),
            List.of(RuleIds.FOUNDATION_REP_EXCLUSIVE)),
        Arguments.of(
            "the same person's other organization has ended: clear",
            intended(),
            around(
                Snapshot.of(JS_CODE, Province.JS)
                    .name("江苏")
                    .person("p")
                    .status(OrgStatus.DEREGISTERED)),
            List.of()),
        Arguments.of(
            "its name is an active organization's in another province",
            intended(),
            around(Snapshot.of(JS_CODE, Province.JS).name("上海市软件行业协会").person("q")),
            List.of(RuleIds.NAME_COLLISION)),
        Arguments.of(
            "its code is active in another province",
            intended(),
            around(Snapshot.of(SH_CODE, Province.JS).name("别名").person("q")),
            List.of(RuleIds.DUPLICATE_REGISTRATION)),
        Arguments.of(
            "a conflict that holds already and would not involve it: not its doing",
            intended(),
            around(
                Snapshot.of(JS_CODE, Province.JS).name("江苏").person("r"),
                Snapshot.of(ZJ_CODE, Province.ZJ).name("浙江").person("r")),
            List.of()));
  }

  private static Snapshot[] around(Snapshot... records) {
    return records;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsWhatRegisteringItWouldRaise(
      String situation, Snapshot intended, Snapshot[] around, List<String> expected) {
    OrgSnapshot it = intended.build();
    List<OrgSnapshot> records = Stream.of(around).map(Snapshot::build).toList();
    ClearanceRules.Neighbourhood neighbourhood =
        new ClearanceRules.Neighbourhood(
            records.stream().filter(r -> r.uscc().equals(it.uscc())).toList(),
            records.stream().filter(r -> r.normalizedName().equals(it.normalizedName())).toList(),
            records.stream().filter(r -> r.personRef().equals(it.personRef())).toList(),
            false);
    List<Condition> raised = ClearanceRules.wouldRaise(it, neighbourhood, TODAY, 5);
    assertThat(raised.stream().map(Condition::ruleId).toList())
        .as(situation)
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
