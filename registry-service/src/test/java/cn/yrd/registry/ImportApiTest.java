package cn.yrd.registry;

import static cn.yrd.registry.Fixtures.as;
import static cn.yrd.registry.Fixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import cn.yrd.contracts.Roles;
import cn.yrd.support.outbox.OutboxEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportApiTest {
  private static final String IMPORT = "/api/v1/registrations/import";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importsNdjsonStoringGoodRowsAndReportingExactlyTheBadOnes() throws Exception {
    Map<String, Object> first = registration();
    Map<String, Object> second = registration();
    Map<String, Object> badCode = Fixtures.with(registration(), "uscc", "53100000500021676J");
    Map<String, Object> sameCodeAgain = Fixtures.with(registration(), "uscc", first.get("uscc"));
    String file =
        String.join(
            "\n",
            JSON.writeValueAsString(first), // line 1
            "", // line 2: blank, skipped
            "{\"uscc\": broken", // line 3
            JSON.writeValueAsString(badCode), // line 4
            JSON.writeValueAsString(second), // line 5
            JSON.writeValueAsString(sameCodeAgain)); // line 6

    as(Roles.REGISTRAR)
        .contentType("application/x-ndjson")
        .body(file.getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(200)
        .body("rows", is(5))
        .body("accepted", is(2))
        .body("rejected", is(3))
        .body("errors.line", contains(3, 4, 6))
        .body("errors[1].errors[0].message", containsString("CHECK_CHARACTER"))
        .body("errors[2].errors[0].message", containsString("earlier in this file"));

    for (Map<String, Object> stored : List.of(first, second)) {
      as(Roles.READER).get("/api/v1/registrations/" + stored.get("uscc")).then().statusCode(200);
      assertThat(outboxRowsFor((String) stored.get("uscc"))).isEqualTo(1);
    }
    as(Roles.READER).get("/api/v1/registrations/" + badCode.get("uscc")).then().statusCode(404);
  }

  @Test
  void importsCsvWithQuotedFieldsAndRefusesRowsAlreadyRegistered() {
    Map<String, Object> existing = registration();
    as(Roles.REGISTRAR).body(existing).post("/api/v1/registrations").then().statusCode(201);
    Map<String, Object> fresh = registration();
    String header =
        "uscc,name,category,legalRepName,legalRepIdNumber,domicile,businessScope,registeredFunds,supervisoryUnit,registrationAuthority,establishmentDate";
    String csv =
        String.join(
            "\n",
            header,
            csvRow(fresh, "\"上海市浦东新区, 世纪大道100号\""),
            csvRow(existing, "上海市"),
            csvRow(
                Fixtures.with(
                    registration(),
                    "legalRepresentative",
                    Map.of("name", "李四", "idNumber", "110101199003074478")),
                "上海市"),
            "too,few,fields");

    as(Roles.REGISTRAR)
        .contentType("text/csv")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(200)
        .body("rows", is(4))
        .body("accepted", is(1))
        .body("errors.line", contains(3, 4, 5))
        .body("errors[0].errors[0].message", containsString("already registered"))
        .body("errors[1].errors[0].field", is("legalRepresentative.idNumber"));

    as(Roles.READER)
        .get("/api/v1/registrations/" + fresh.get("uscc"))
        .then()
        .statusCode(200)
        .body("domicile", is("上海市浦东新区, 世纪大道100号"));
  }

  @Test
  void refusesACsvWithoutTheRequiredColumnsAndCallersWhoMayNotRegister() {
    as(Roles.REGISTRAR)
        .contentType("text/csv")
        .body("uscc,name\n1,2".getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("legalRepIdNumber"));
    as(Roles.READER)
        .contentType("application/x-ndjson")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(403);
    as(Roles.REGISTRAR)
        .contentType("application/xml")
        .body("<a/>".getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(415);
  }

  private static String csvRow(Map<String, Object> body, String domicile) {
    Map<?, ?> rep = (Map<?, ?>) body.get("legalRepresentative");
    return String.join(
        ",",
        (String) body.get("uscc"),
        (String) body.get("name"),
        (String) body.get("category"),
        (String) rep.get("name"),
        (String) rep.get("idNumber"),
        domicile,
        (String) body.get("businessScope"),
        body.get("registeredFunds").toString(),
        "",
        (String) body.get("registrationAuthority"),
        (String) body.get("establishmentDate"));
  }

  private static long outboxRowsFor(String uscc) {
    return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", uscc));
  }
}
