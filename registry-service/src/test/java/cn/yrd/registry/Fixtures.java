package cn.yrd.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.local.testing.TestTokens;
import cn.yrd.registry.repository.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Valid requests with fresh codes and names, and callers with tokens, for the SH registry. */
final class Fixtures {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 50_000_000L);

  private Fixtures() {}

  static String newUscc(OrgCategory category) {
    return UsccGenerator.generate(Province.SH, "310115", category, SERIAL.incrementAndGet())
        .value();
  }

  static String idNumber(long serial) {
    return ResidentIdNumber.compose(
        "310115", LocalDate.of(1960, 1, 1).plusDays(serial % 9000), (int) (serial % 1000));
  }

  /** A registration of a social group that passes every rule. */
  static Map<String, Object> registration() {
    return registration(OrgCategory.SOCIAL_GROUP);
  }

  static Map<String, Object> registration(OrgCategory category) {
    long serial = SERIAL.incrementAndGet();
    Map<String, Object> body = new HashMap<>();
    body.put("uscc", newUscc(category));
    body.put("name", "上海市测试" + serial + "协会");
    body.put("category", category.name());
    body.put("legalRepresentative", Map.of("name", "张伟", "idNumber", idNumber(serial)));
    body.put("domicile", "上海市浦东新区世纪大道100号");
    body.put("businessScope", "行业自律、咨询服务");
    body.put("registeredFunds", category == OrgCategory.FOUNDATION ? 2_000_000 : 100_000);
    body.put("supervisoryUnit", "上海市经济和信息化委员会");
    body.put("registrationAuthority", "上海市民政局");
    body.put("establishmentDate", "2019-05-20");
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(field, value);
    return copy;
  }

  /** A request from a caller with one role in a province (null: region-wide). */
  static RequestSpecification as(String role, Province province) {
    return given()
        .header("Authorization", TestTokens.bearer(role, province))
        .contentType(ContentType.JSON);
  }

  /** A request carrying this bearer token, whoever issued it. */
  static RequestSpecification withToken(String token) {
    return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
  }

  /** No organization with the body's USCC was stored. */
  static void assertNotStored(Map<String, Object> body) {
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Organization.count("uscc", body.get("uscc"))))
        .as("organizations stored with USCC %s", body.get("uscc"))
        .isZero();
  }

  static RequestSpecification as(String role) {
    return as(role, Province.SH);
  }

  /** POSTs every body at once as a Shanghai registrar, one client each; the statuses in order. */
  static List<Integer> postAllAtOnce(String path, List<Map<String, Object>> bodies)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
    try {
      List<Future<Integer>> pending = new ArrayList<>();
      for (Map<String, Object> body : bodies) {
        pending.add(
            clients.submit(
                () -> as(Roles.REGISTRAR).body(body).post(path).then().extract().statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pending) {
        statuses.add(status.get());
      }
      return statuses;
    } finally {
      clients.shutdown();
    }
  }
}
