package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupervisionApiTest {
  private static final String REGISTRATIONS = "/api/v1/registrations/";

  private static String registered() {
    Map<String, Object> body = registration();
    as(Roles.REGISTRAR).body(body).post("/api/v1/registrations").then().statusCode(201);
    return (String) body.get("uscc");
  }

  private static Map<String, Object> decision(String date, String number, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", date);
    body.put("decisionNumber", number);
    body.put("reason", reason);
    return body;
  }

  private static Map<String, Object> listing(String reasonCode, String date) {
    Map<String, Object> body = decision(date, "沪民异〔2026〕8号", "未按时提交年度工作报告");
    body.put("reasonCode", reasonCode);
    return body;
  }

  private static void inspected(String uscc, int year, String result) {
    as(Roles.SUPERVISOR)
        .body(Map.of("year", year, "result", result, "date", (year + 1) + "-04-30"))
        .post(REGISTRATIONS + uscc + "/annual-inspections")
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> penalty(String kind, String date, Integer fine) {
    Map<String, Object> body = decision(date, "沪民罚决字〔" + date + "〕", "违规收取会费");
    body.put("kind", kind);
    if (fine != null) {
      body.put("fineAmount", fine);
    }
    return body;
  }

  @Test
  void aSmallFineBringsTheAbnormalListWithItAndASecondWithinThreeYearsTheSeriousList() {
    String uscc = registered();
    Map<String, Object> fine = penalty("FINE", "2026-03-15", null);
    as(Roles.SUPERVISOR)
        .body(fine)
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("fineAmount"));
    as(Roles.SUPERVISOR)
        .body(penalty("FINE", "2026-03-15", 20000))
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("abnormalListed", is(true))
        .body("seriousListed", is(false));
    as(Roles.SUPERVISOR)
        .body(penalty("WARNING", "2026-04-01", null))
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200)
        .body("seriousListed", is(true));
    as(Roles.READER)
        .get(REGISTRATIONS + uscc + "/supervision")
        .then()
        .statusCode(200)
        .body("penalties", hasSize(2))
        .body("listings.find { it.list == 'SERIOUS' }.reasonCode", is("REPEATED_MINOR_PENALTIES"));
  }

  @Test
  void refusesAGradeWithinAYearOfAPenaltyOrWithoutLastYearsInspection() {
    String uscc = registered();
    Map<String, Object> award =
        Map.of("level", 4, "awardedOn", "2026-06-01", "decisionNumber", "沪民评〔2026〕1号");
    as(Roles.SUPERVISOR)
        .body(award)
        .post(REGISTRATIONS + uscc + "/grade")
        .then()
        .statusCode(422)
        .body("type", containsString("grade-ineligible"))
        .body("detail", containsString("2025 annual inspection"));
    inspected(uscc, 2025, "QUALIFIED");
    as(Roles.SUPERVISOR)
        .body(penalty("CONFISCATION", "2026-03-15", null))
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200)
        .body("abnormalListed", is(false));
    as(Roles.SUPERVISOR)
        .body(award)
        .post(REGISTRATIONS + uscc + "/grade")
        .then()
        .statusCode(422)
        .body("detail", containsString("R-GRADE-02"))
        .body("detail", containsString("2026-03-15"));
  }

  @Test
  void awardsAGradeValidFiveYearsDowngradesItKeepingTheExpiryAndWithdrawsIt() {
    String uscc = registered();
    inspected(uscc, 2024, "QUALIFIED");
    as(Roles.SUPERVISOR)
        .body(Map.of("level", 5, "awardedOn", "2025-12-20", "decisionNumber", "沪民评〔2025〕9号"))
        .post(REGISTRATIONS + uscc + "/grade")
        .then()
        .statusCode(200)
        .body("grade.label", is("5A"))
        .body("grade.expiresOn", is("2030-12-20"));
    Map<String, Object> downgrade = decision("2026-02-01", "沪民评降〔2026〕1号", "年检基本合格两年");
    downgrade.put("level", 5);
    as(Roles.SUPERVISOR)
        .body(downgrade)
        .post(REGISTRATIONS + uscc + "/grade/downgrade")
        .then()
        .statusCode(422);
    downgrade.put("level", 3);
    as(Roles.SUPERVISOR)
        .body(downgrade)
        .post(REGISTRATIONS + uscc + "/grade/downgrade")
        .then()
        .statusCode(200)
        .body("grade.label", is("3A"))
        .body("grade.expiresOn", is("2030-12-20"));
    as(Roles.SUPERVISOR)
        .body(decision("2026-02-01", "沪民评撤〔2026〕1号", "评估复核不合格"))
        .post(REGISTRATIONS + uscc + "/grade/withdrawal")
        .then()
        .statusCode(200)
        .body("grade", nullValue());
    as(Roles.SUPERVISOR)
        .body(decision("2026-02-02", "沪民评撤〔2026〕2号", "again"))
        .post(REGISTRATIONS + uscc + "/grade/withdrawal")
        .then()
        .statusCode(422)
        .body("type", containsString("no-grade"));
  }

  @Test
  void showsAGradeReviewAsDueAfterAnUnqualifiedInspection() {
    String uscc = registered();
    inspected(uscc, 2024, "QUALIFIED");
    as(Roles.SUPERVISOR)
        .body(Map.of("level", 4, "awardedOn", "2025-03-01", "decisionNumber", "沪民评〔2025〕2号"))
        .post(REGISTRATIONS + uscc + "/grade")
        .then()
        .statusCode(200);
    as(Roles.READER)
        .get("/api/v1/supervision/due")
        .then()
        .statusCode(200)
        .body("items.findAll { it.uscc == '" + uscc + "' }", hasSize(0));
    inspected(uscc, 2025, "UNQUALIFIED");
    as(Roles.READER)
        .get("/api/v1/supervision/due")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.uscc == '" + uscc + "' }.action", is("GRADE_DOWNGRADE_OR_WITHDRAWAL"))
        .body("items.find { it.uscc == '" + uscc + "' }.ruleId", is("R-GRADE-04"))
        .body("items.find { it.uscc == '" + uscc + "' }.basis", is("UNQUALIFIED_INSPECTION"));
  }

  @Test
  void abnormalListAllowsOneOpenListingAndRemovalOnlyWhenListed() {
    String uscc = registered();
    as(Roles.SUPERVISOR)
        .body(decision("2026-05-02", "沪民异移〔2026〕1号", "已补报"))
        .post(REGISTRATIONS + uscc + "/abnormal-list/removal")
        .then()
        .statusCode(422)
        .body("type", containsString("not-listed"));
    as(Roles.SUPERVISOR)
        .body(listing("NOT_A_REASON", "2026-05-01"))
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("reasonCode"));
    as(Roles.SUPERVISOR)
        .body(listing("ANNUAL_REPORT_MISSING", "2026-05-01"))
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(200)
        .body("abnormalListed", is(true));
    as(Roles.SUPERVISOR)
        .body(listing("ANNUAL_REPORT_MISSING", "2026-05-01"))
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(422)
        .body("type", containsString("already-listed"));
    as(Roles.SUPERVISOR)
        .body(Map.of("level", 3, "awardedOn", "2026-05-10", "decisionNumber", "沪民评〔2026〕3号"))
        .post(REGISTRATIONS + uscc + "/grade")
        .then()
        .statusCode(422)
        .body("detail", containsString("abnormal"));
    as(Roles.SUPERVISOR)
        .body(decision("2026-05-20", "沪民异移〔2026〕1号", "已补报"))
        .post(REGISTRATIONS + uscc + "/abnormal-list/removal")
        .then()
        .statusCode(200)
        .body("abnormalListed", is(false));
  }

  @Test
  void seriousListRemovalNeedsTwoCleanYearsAndForARevokedOrganizationDeregistration() {
    String uscc = registered();
    as(Roles.SUPERVISOR)
        .body(listing("LARGE_FINE", "2026-01-10"))
        .post(REGISTRATIONS + uscc + "/serious-list")
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", containsString("R-LIST-01"));
    as(Roles.SUPERVISOR)
        .body(penalty("FINE", "2026-01-10", 60000))
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200)
        .body("seriousListed", is(true));
    as(Roles.SUPERVISOR)
        .body(decision("2026-06-01", "沪民失移〔2026〕1号", "信用修复"))
        .post(REGISTRATIONS + uscc + "/serious-list/removal")
        .then()
        .statusCode(422)
        .body("type", containsString("R-LIST-04"))
        .body("detail", containsString("2028-01-10"));
    // A penalty while listed restarts the clean period.
    as(Roles.SUPERVISOR)
        .body(penalty("CONFISCATION", "2026-05-01", null))
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200);
    as(Roles.SUPERVISOR)
        .body(decision("2026-06-01", "沪民失移〔2026〕1号", "信用修复"))
        .post(REGISTRATIONS + uscc + "/serious-list/removal")
        .then()
        .statusCode(422)
        .body("detail", containsString("2028-05-01"));

    String revoked = registered();
    as(Roles.REGISTRAR)
        .body(decision("2023-03-01", "沪民撤〔2023〕1号", "严重违法"))
        .post(REGISTRATIONS + revoked + "/revocation")
        .then()
        .statusCode(200);
    as(Roles.SUPERVISOR)
        .body(listing("REVOCATION", "2023-03-02"))
        .post(REGISTRATIONS + revoked + "/serious-list")
        .then()
        .statusCode(200);
    as(Roles.SUPERVISOR)
        .body(decision("2026-01-01", "沪民失移〔2026〕2号", "信用修复"))
        .post(REGISTRATIONS + revoked + "/serious-list/removal")
        .then()
        .statusCode(422)
        .body("detail", containsString("deregistration"));
    as(Roles.REGISTRAR)
        .body(decision("2025-12-01", null, "清算完毕"))
        .post(REGISTRATIONS + revoked + "/deregistration")
        .then()
        .statusCode(200);
    as(Roles.SUPERVISOR)
        .body(decision("2026-01-01", "沪民失移〔2026〕2号", "信用修复"))
        .post(REGISTRATIONS + revoked + "/serious-list/removal")
        .then()
        .statusCode(200)
        .body("seriousListed", is(false))
        .body("status", is("DEREGISTERED"));
  }

  @Test
  void recordsOneInspectionPerYearWithinTheOrganizationsLifetime() {
    String uscc = registered();
    Map<String, Object> inspection =
        Map.of("year", 2025, "result", "QUALIFIED", "date", "2026-04-30");
    as(Roles.SUPERVISOR)
        .body(inspection)
        .post(REGISTRATIONS + uscc + "/annual-inspections")
        .then()
        .statusCode(200);
    as(Roles.SUPERVISOR)
        .body(inspection)
        .post(REGISTRATIONS + uscc + "/annual-inspections")
        .then()
        .statusCode(409)
        .contentType(Problem.MEDIA_TYPE);
    as(Roles.SUPERVISOR)
        .body(Map.of("year", 2010, "result", "QUALIFIED", "date", "2026-04-30"))
        .post(REGISTRATIONS + uscc + "/annual-inspections")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("year"));
    as(Roles.READER)
        .get(REGISTRATIONS + uscc + "/supervision")
        .then()
        .body("inspections[0].year", is(2025));
  }

  @Test
  void certificateRevocationPenaltyEndsTheRegistration() {
    String uscc = registered();
    Map<String, Object> penalty = decision("2026-04-01", "沪民罚决字〔2026〕20号", "严重违法");
    penalty.put("kind", "CERTIFICATE_REVOCATION");
    as(Roles.SUPERVISOR)
        .body(penalty)
        .post(REGISTRATIONS + uscc + "/penalties")
        .then()
        .statusCode(200)
        .body("status", is("REVOKED"))
        .body("revocation.date", is("2026-04-01"));
  }

  @Test
  void onlyThisProvincesSupervisorsWriteSupervision() {
    String uscc = registered();
    Map<String, Object> body = listing("ANNUAL_REPORT_MISSING", "2026-05-01");
    as(Roles.REGISTRAR)
        .body(body)
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(403);
    as(Roles.SUPERVISOR, Province.JS)
        .body(body)
        .post(REGISTRATIONS + uscc + "/abnormal-list")
        .then()
        .statusCode(403);
    as(Roles.SUPERVISOR)
        .body(body)
        .post(REGISTRATIONS + "53100000500021676K/abnormal-list")
        .then()
        .statusCode(404);
  }
}
