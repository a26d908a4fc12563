package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.RegistryEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One story across Shanghai, Jiangsu, Zhejiang and Anhui that raises every conflict type at least
 * once, then closes each: by a later registry event, or by an officer.
 */
@QuarkusTest
class FourProvinceScenarioTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void raisesEveryConflictTypeAndClosesEachOne() {
    String run = Long.toString(System.nanoTime());
    try (Registries registries = new Registries(bootstrapServers)) {
      // DUPLICATE_REGISTRATION + REGION_MISMATCH: a Shanghai code also registered in Jiangsu.
      Registries.Org shHome = Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市四省甲" + run);
      Registries.Org jsCopy = Registries.sameCodeIn(shHome, Province.JS, "江苏省四省甲" + run);
      // NAME_COLLISION: Zhejiang and Anhui spell one name two ways.
      Registries.Org zjName =
          Registries.org(Province.ZJ, OrgCategory.SOCIAL_SERVICE_INSTITUTION, "长三角四省研究院" + run);
      Registries.Org ahName =
          Registries.org(Province.AH, OrgCategory.SOCIAL_SERVICE_INSTITUTION, "長三角 四省研究院" + run);
      // LEGAL_REP_CONCURRENT: one person leads social groups in Shanghai and Anhui.
      String leader = Registries.person();
      Registries.Org shGroup =
          Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市四省乙" + run);
      Registries.Org ahGroup =
          Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省四省乙" + run);
      shGroup.personRef = leader;
      ahGroup.personRef = leader;
      // LEGAL_REP_BARRED: the representative of a revoked Jiangsu organization leads a Zhejiang
      // foundation.
      String barred = Registries.person();
      Registries.Org jsRevoked =
          Registries.org(Province.JS, OrgCategory.SOCIAL_SERVICE_INSTITUTION, "江苏省四省丙" + run);
      Registries.Org zjFoundation =
          Registries.org(Province.ZJ, OrgCategory.FOUNDATION, "浙江省四省基金会" + run);
      jsRevoked.personRef = barred;
      zjFoundation.personRef = barred;
      // STATUS_DIVERGENCE: Anhui revokes a code Zhejiang still holds.
      Registries.Org ahHome = Registries.org(Province.AH, OrgCategory.SOCIAL_GROUP, "安徽省四省丁" + run);
      Registries.Org zjCopy = Registries.sameCodeIn(ahHome, Province.ZJ, "浙江省四省丁" + run);
      // SANCTION_RATING: a graded Jiangsu organization goes on the abnormal list.
      Registries.Org jsGraded =
          Registries.org(Province.JS, OrgCategory.SOCIAL_GROUP, "江苏省四省戊" + run);
      jsGraded.grade = Grade.awarded(5, LocalDate.now().minusYears(1));

      applied(
          registries.publish(shHome, EventTypes.REGISTERED),
          registries.publish(jsCopy, EventTypes.REGISTERED),
          registries.publish(zjName, EventTypes.REGISTERED),
          registries.publish(ahName, EventTypes.REGISTERED),
          registries.publish(shGroup, EventTypes.REGISTERED),
          registries.publish(ahGroup, EventTypes.REGISTERED),
          registries.publish(jsRevoked, EventTypes.REGISTERED),
          registries.publish(zjFoundation, EventTypes.REGISTERED),
          registries.publish(ahHome, EventTypes.REGISTERED),
          registries.publish(zjCopy, EventTypes.REGISTERED),
          registries.publish(jsGraded, EventTypes.REGISTERED));
      jsRevoked.status = OrgStatus.REVOKED;
      jsRevoked.revoked = LocalDate.now().minusMonths(2);
      ahHome.status = OrgStatus.REVOKED;
      ahHome.revoked = LocalDate.now().minusDays(1);
      jsGraded.abnormal = true;
      applied(
          registries.publish(jsRevoked, EventTypes.REVOKED),
          registries.publish(ahHome, EventTypes.REVOKED),
          registries.publish(jsGraded, EventTypes.ABNORMAL_LISTED));
      // SEQUENCE_GAP: a Shanghai event number never arrives in time.
      long missing = Registries.skip(Province.SH);
      Registries.Org shLater =
          Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市四省己" + run);
      applied(registries.publish(shLater, EventTypes.REGISTERED));
      List<String> all =
          List.of(
              shHome.uscc,
              zjName.uscc,
              shGroup.uscc,
              zjFoundation.uscc,
              ahHome.uscc,
              jsGraded.uscc);
      Await.until(
          () -> openTypes(all).size() == ConflictType.values().length, "every conflict type open");
      assertThat(openTypes(all)).isEqualTo(EnumSet.allOf(ConflictType.class));

      // Later events close most of them.
      jsCopy.status = OrgStatus.DEREGISTERED;
      ahGroup.personRef = Registries.person();
      zjFoundation.personRef = Registries.person();
      zjCopy.status = OrgStatus.DEREGISTERED;
      jsGraded.abnormal = false;
      applied(
          registries.publish(jsCopy, EventTypes.DEREGISTERED),
          registries.publish(ahGroup, EventTypes.AMENDED),
          registries.publish(zjFoundation, EventTypes.AMENDED),
          registries.publish(zjCopy, EventTypes.DEREGISTERED),
          registries.publish(jsGraded, EventTypes.ABNORMAL_REMOVED),
          registries.send(
              Province.SH,
              EventTypes.AMENDED,
              shLater.uscc,
              new RegistryEvent(shLater.next(), Change.simple(LocalDate.now(), null, "late")),
              missing,
              UUID.randomUUID()));
      // An officer dismisses the name collision: two different institutes.
      String collision = (String) Await.openConflicts(zjName.uscc).get(0).get("id");
      as(Roles.RECOGNITION_OFFICER, Province.ZJ)
          .body(Map.of("note", "经核实为两家不同机构"))
          .post("/api/v1/conflicts/" + collision + "/dismiss")
          .then()
          .statusCode(200);

      Await.until(() -> openTypes(all).isEmpty(), "every conflict closed");
      Map<String, Set<String>> resolutions = resolutionsByType(all);
      assertThat(resolutions.keySet()).hasSize(ConflictType.values().length);
      assertThat(resolutions)
          .allSatisfy(
              (type, how) ->
                  assertThat(how)
                      .containsExactly(type.equals("NAME_COLLISION") ? "OFFICER" : "AUTO"));
    }
  }

  private static Set<ConflictType> openTypes(List<String> usccs) {
    Set<ConflictType> types = EnumSet.noneOf(ConflictType.class);
    for (String uscc : usccs) {
      Await.openConflicts(uscc)
          .forEach(c -> types.add(ConflictType.valueOf((String) c.get("type"))));
    }
    Await.auditor()
        .queryParam("type", "SEQUENCE_GAP")
        .queryParam("status", "OPEN")
        .queryParam("province", "SH")
        .get("/api/v1/conflicts")
        .then()
        .extract()
        .jsonPath()
        .getList("items")
        .forEach(c -> types.add(ConflictType.SEQUENCE_GAP));
    return types;
  }

  /** Conflict type → how its conflicts in this story were closed. */
  private static Map<String, Set<String>> resolutionsByType(List<String> usccs) {
    List<Map<String, Object>> closed = new java.util.ArrayList<>();
    for (String uscc : usccs) {
      closed.addAll(
          Await.auditor()
              .queryParam("uscc", uscc)
              .queryParam("size", 200)
              .get("/api/v1/conflicts")
              .then()
              .extract()
              .jsonPath()
              .<Map<String, Object>>getList("items"));
    }
    closed.addAll(
        Await.auditor()
            .queryParam("type", "SEQUENCE_GAP")
            .queryParam("province", "SH")
            .queryParam("size", 1)
            .get("/api/v1/conflicts")
            .then()
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("items"));
    return closed.stream()
        .collect(
            Collectors.groupingBy(
                c -> (String) c.get("type"),
                Collectors.mapping(c -> String.valueOf(c.get("resolution")), Collectors.toSet())));
  }
}
