package cn.yrd.recognition.service.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.recognition.repository.OrgRecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consumer's plain-JDBC writes of the view. */
@QuarkusTest
class ViewWritesTest {
  @Inject UserTransaction transaction;

  @Test
  void storesEveryColumnAndNeverMovesARecordBackToAnOlderVersion() throws Exception {
    String uscc = ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 18);
    // Rolled back at the end: the shared view gets no record that no registry published.
    transaction.begin();
    try {
      OrgRecord stored = record(uscc, 5, "ACTIVE");
      stored.gradeLevel = 4;
      stored.gradeAwardedOn = LocalDate.of(2025, 2, 1);
      stored.gradeExpiresOn = LocalDate.of(2030, 1, 31);
      stored.abnormalListed = true;
      stored.revocationDate = LocalDate.of(2026, 3, 4);
      stored.deregistrationDate = LocalDate.of(2026, 5, 6);
      stored.transferredFrom = "ZJ";
      stored.transferredTo = "AH";
      ViewWrites.insertRecords(List.of(stored));

      OrgRecord read = only(uscc);
      assertThat(read)
          .usingRecursiveComparison()
          .comparingOnlyFields(
              "uscc",
              "province",
              "name",
              "normalizedName",
              "category",
              "status",
              "personRef",
              "legalRepName",
              "gradeLevel",
              "gradeAwardedOn",
              "gradeExpiresOn",
              "abnormalListed",
              "seriousListed",
              "revocationDate",
              "deregistrationDate",
              "transferredFrom",
              "transferredTo",
              "version",
              "sequence",
              "lastEventType")
          .isEqualTo(stored);
      assertThat(read.updatedAt.toInstant()).isEqualTo(stored.updatedAt.toInstant());

      ViewWrites.updateRecords(List.of(record(uscc, 4, "DEREGISTERED")));
      assertThat(only(uscc).version).isEqualTo(5);
      assertThat(only(uscc).status).isEqualTo("ACTIVE");

      ViewWrites.updateRecords(List.of(record(uscc, 6, "REVOKED")));
      assertThat(only(uscc).version).isEqualTo(6);
      assertThat(only(uscc).status).isEqualTo("REVOKED");
      assertThat(only(uscc).gradeLevel).isNull();
    } finally {
      transaction.rollback();
    }
  }

  private static OrgRecord only(String uscc) {
    List<OrgRecord> records = ViewReads.records(List.of(uscc));
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static OrgRecord record(String uscc, long version, String status) {
    OrgRecord r = new OrgRecord();
    r.uscc = uscc;
    r.province = "SH";
    r.name = "上海市视图写入测试协会" + uscc;
    r.normalizedName = r.name;
    r.category = "SOCIAL_GROUP";
    r.status = status;
    r.personRef = "person-" + uscc;
    r.legalRepName = "张三";
    r.abnormalListed = false;
    r.seriousListed = false;
    r.version = version;
    r.sequence = version;
    r.lastEventType = "registered";
    r.state = "{}";
    r.updatedAt = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 0, ZoneOffset.UTC);
    return r;
  }
}
