package cn.yrd.registry.repository;

import cn.yrd.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores many new registrations at once with JDBC batches: the record, its history entry and its
 * outbox row, in the caller's transaction. Used by the bulk import, where one Hibernate flush per
 * row would be far too slow.
 */
@ApplicationScoped
public class BulkRegistrationWriter {
  @Inject AgroalDataSource dataSource;

  /** One registration ready to store: the record, its event and what the history says. */
  public record NewRegistration(
      Organization org,
      UUID eventId,
      String eventType,
      LocalDate effectiveDate,
      String decisionNumber,
      String reason,
      String payload,
      String details) {}

  /** The USCCs and names among these that are already registered. */
  public Set<String> existing(Collection<String> usccs, Collection<String> names)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT uscc, name FROM organization WHERE uscc = ANY (?) OR name = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("bpchar", usccs.toArray()));
      query.setArray(2, connection.createArrayOf("text", names.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
          found.add(rows.getString(2));
        }
      }
    }
    return found;
  }

  public void insert(List<NewRegistration> batch, String actor, OffsetDateTime now)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement orgs =
            connection.prepareStatement(
                "INSERT INTO organization (uscc, name, category, legal_rep_name, legal_rep_id_number,"
                    + " legal_rep_person_ref, domicile, business_scope, registered_funds,"
                    + " supervisory_unit, registration_authority, establishment_date, status,"
                    + " abnormal_listed, serious_listed, transferred_from, version, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,false,false,?,0,?,?)");
        PreparedStatement history =
            connection.prepareStatement(
                "INSERT INTO organization_history (uscc, event_id, event_type, effective_date,"
                    + " decision_number, reason, details, actor, recorded_at)"
                    + " VALUES (?,?,?,?,?,?,?::jsonb,?,?)");
        PreparedStatement outbox =
            connection.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, event_type, subject, payload,"
                    + " occurred_at) VALUES (?,?,?,?,?::jsonb,?)")) {
      for (NewRegistration row : batch) {
        Organization org = row.org();
        orgs.setString(1, org.uscc);
        orgs.setString(2, org.name);
        orgs.setString(3, org.category.name());
        orgs.setString(4, org.legalRepName);
        orgs.setString(5, org.legalRepIdNumber);
        orgs.setString(6, org.legalRepPersonRef);
        orgs.setString(7, org.domicile);
        orgs.setString(8, org.businessScope);
        orgs.setBigDecimal(9, org.registeredFunds);
        orgs.setString(10, org.supervisoryUnit);
        orgs.setString(11, org.registrationAuthority);
        orgs.setObject(12, org.establishmentDate);
        orgs.setString(13, org.status.name());
        orgs.setString(14, org.transferredFrom);
        orgs.setObject(15, now);
        orgs.setObject(16, now);
        orgs.addBatch();

        history.setString(1, org.uscc);
        history.setObject(2, row.eventId());
        history.setString(3, row.eventType());
        history.setObject(4, row.effectiveDate());
        history.setString(5, row.decisionNumber());
        history.setString(6, row.reason());
        history.setString(7, row.details());
        history.setString(8, actor);
        history.setObject(9, now);
        history.addBatch();

        outbox.setObject(1, row.eventId());
        outbox.setString(2, EventTypes.topicOf(row.eventType()));
        outbox.setString(3, row.eventType());
        outbox.setString(4, org.uscc);
        outbox.setString(5, row.payload());
        outbox.setObject(6, now);
        outbox.addBatch();
      }
      orgs.executeBatch();
      history.executeBatch();
      outbox.executeBatch();
    }
  }
}
