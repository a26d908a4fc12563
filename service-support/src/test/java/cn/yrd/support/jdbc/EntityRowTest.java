package cn.yrd.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.support.outbox.OutboxEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

class EntityRowTest {

  @Entity
  @Table(name = "sample_row")
  static class Sample {
    static final String NOT_A_COLUMN = "x";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "given_name")
    public String name;

    public String registrationAuthority;

    @JdbcTypeCode(SqlTypes.JSON)
    public String details;

    @Column(insertable = false, updatable = false)
    public Long position;

    @Transient public String derived;
  }

  @Test
  void insertsEveryPersistentColumnAsHibernateNamesIt() {
    assertThat(EntityRow.of(Sample.class).insert())
        .isEqualTo(
            "INSERT INTO sample_row (given_name, registration_authority, details)"
                + " VALUES (?,?,?::jsonb)");
  }

  @Test
  void leavesOutTheColumnsTheDatabaseFills() {
    assertThat(EntityRow.of(OutboxEvent.class).insert())
        .isEqualTo(
            "INSERT INTO outbox_event (event_id, topic, event_type, subject, payload,"
                + " occurred_at, sequence, traceparent) VALUES (?,?,?,?,?,?,?,?)");
  }

  @Test
  void namesFieldsInSnakeCase() {
    assertThat(EntityRow.snake("legalRepPersonRef")).isEqualTo("legal_rep_person_ref");
    assertThat(EntityRow.snake("gradeLevel2")).isEqualTo("grade_level2");
  }

  @Test
  void selectsTheColumnsItReadsInTheEntitysOrder() {
    EntityRow<Sample> row = EntityRow.of(Sample.class);
    assertThat(row.columns()).isEqualTo("given_name, registration_authority, details");
    assertThat(row.only("details", "given_name").columns()).isEqualTo("given_name, details");
  }
}
