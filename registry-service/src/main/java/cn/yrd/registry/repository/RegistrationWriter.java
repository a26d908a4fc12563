package cn.yrd.registry.repository;

import cn.yrd.support.jdbc.EntityRow;
import cn.yrd.support.outbox.OutboxEvent;
import cn.yrd.support.outbox.OutboxWriter;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.util.PSQLException;

/**
 * Stores new registrations with plain JDBC: the record, its history entry and its outbox row, which
 * commit together. Registrations that arrive together share a single statement, so one round trip
 * to the database (see {@link RegistrationGroupCommit}); a bulk import sends JDBC batches in the
 * caller's transaction. One Hibernate flush per row, and a round trip per table, would cost the
 * database far more than the rows themselves.
 */
@ApplicationScoped
public class RegistrationWriter {
  // One mapping per table: the entities Hibernate reads and updates these rows through.
  private static final EntityRow<Organization> ORGANIZATION = EntityRow.of(Organization.class);
  private static final EntityRow<HistoryEntry> HISTORY = EntityRow.of(HistoryEntry.class);
  private static final EntityRow<OutboxEvent> OUTBOX = OutboxWriter.ROW;

  private static final Comparator<Stamped> BY_CODE = Comparator.comparing(s -> s.row().org().uscc);

  @Inject AgroalDataSource dataSource;

  private final Map<Integer, String> togetherStatements = new ConcurrentHashMap<>();

  /**
   * One registration ready to store: the record, its event, what the history says, and the trace of
   * the request that submitted it (null if none), which the event continues.
   */
  public record NewRegistration(
      Organization org,
      UUID eventId,
      String eventType,
      LocalDate effectiveDate,
      String decisionNumber,
      String reason,
      String payload,
      String details,
      String traceparent) {}

  /** A registration with who submitted it and when. */
  public record Stamped(NewRegistration row, String actor, OffsetDateTime at) {}

  /** The unique rule a registration broke: its code or its name is already registered here. */
  public enum Clash {
    USCC,
    NAME
  }

  /** A registration that was not stored because it clashes with one already here. */
  public static final class ClashException extends RuntimeException {
    private final Clash clash;
    private final String holder;

    ClashException(Clash clash, String holder, SQLException cause) {
      super(cause.getMessage(), cause);
      this.clash = clash;
      this.holder = holder;
    }

    public Clash clash() {
      return clash;
    }

    /** For a name clash, the USCC already registered under that name, if it could be read. */
    public Optional<String> holder() {
      return Optional.ofNullable(holder);
    }
  }

  /** The USCCs and normalized names among these that are already registered. */
  public Set<String> existing(Collection<String> usccs, Collection<String> normalizedNames)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT uscc, normalized_name FROM organization"
                    + " WHERE uscc = ANY (?) OR normalized_name = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("bpchar", usccs.toArray()));
      query.setArray(2, connection.createArrayOf("text", normalizedNames.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
          found.add(rows.getString(2));
        }
      }
    }
    return found;
  }

  /**
   * Stores one registration in one statement, committed when it returns. Throws {@link
   * ClashException} if the code or the name is already registered.
   */
  public void insert(Stamped row) throws SQLException {
    try {
      insertTogether(List.of(row));
    } catch (PSQLException e) {
      Optional<Clash> clash = clashOf(e);
      if (clash.isPresent()) {
        String holder =
            clash.get() == Clash.NAME ? holderOfName(row.row().org().normalizedName) : null;
        throw new ClashException(clash.get(), holder, e);
      }
      throw e;
    }
  }

  private String holderOfName(String normalizedName) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT uscc FROM organization WHERE normalized_name = ?")) {
      query.setString(1, normalizedName);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /**
   * Stores several registrations in one statement, committed together when it returns: all of them
   * or, if any one fails (a clash among others), none. The rows go in in the order of their codes,
   * so of two groups that hold the same codes one waits for the other: no deadlock over codes.
   */
  public void insertTogether(List<Stamped> group) throws SQLException {
    List<Stamped> rows = group.stream().sorted(BY_CODE).toList();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(togetherStatement(rows.size()))) {
      int next = 1;
      for (Stamped row : rows) {
        next = bindOrganization(insert, next, row.row().org(), row.at());
      }
      for (Stamped row : rows) {
        next = bindHistory(insert, next, row.row(), row.actor(), row.at());
      }
      for (Stamped row : rows) {
        next = bindOutbox(insert, next, row.row(), row.at());
      }
      insert.executeUpdate();
    }
  }

  private String togetherStatement(int rows) {
    return togetherStatements.computeIfAbsent(rows, RegistrationWriter::buildTogetherStatement);
  }

  private static String buildTogetherStatement(int rows) {
    return "WITH org AS ("
        + withRows(ORGANIZATION, rows)
        + "), history AS ("
        + withRows(HISTORY, rows)
        + ") "
        + withRows(OUTBOX, rows);
  }

  /** An INSERT whose VALUES list repeats its one row of placeholders {@code rows} times. */
  private static String withRows(EntityRow<?> table, int rows) {
    return table.insert() + ",".concat(table.tuple()).repeat(rows - 1);
  }

  /** Stores many registrations as JDBC batches, in the caller's transaction. */
  public void insert(List<NewRegistration> batch, String actor, OffsetDateTime now)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement orgs = connection.prepareStatement(ORGANIZATION.insert());
        PreparedStatement history = connection.prepareStatement(HISTORY.insert());
        PreparedStatement outbox = connection.prepareStatement(OUTBOX.insert())) {
      for (NewRegistration row : batch) {
        bindOrganization(orgs, 1, row.org(), now);
        orgs.addBatch();
        bindHistory(history, 1, row, actor, now);
        history.addBatch();
        bindOutbox(outbox, 1, row, now);
        outbox.addBatch();
      }
      orgs.executeBatch();
      history.executeBatch();
      outbox.executeBatch();
    }
  }

  private static Optional<Clash> clashOf(PSQLException e) {
    if (!"23505".equals(e.getSQLState()) || e.getServerErrorMessage() == null) {
      return Optional.empty();
    }
    String constraint = e.getServerErrorMessage().getConstraint();
    if ("organization_pkey".equals(constraint)) {
      return Optional.of(Clash.USCC);
    }
    if ("organization_name".equals(constraint)) {
      return Optional.of(Clash.NAME);
    }
    return Optional.empty();
  }

  private static int bindOrganization(
      PreparedStatement statement, int first, Organization org, OffsetDateTime now)
      throws SQLException {
    org.createdAt = now;
    org.updatedAt = now;
    return ORGANIZATION.bind(statement, first, org);
  }

  private static int bindHistory(
      PreparedStatement statement, int first, NewRegistration row, String actor, OffsetDateTime now)
      throws SQLException {
    HistoryEntry entry = new HistoryEntry();
    entry.uscc = row.org().uscc;
    entry.eventId = row.eventId();
    entry.eventType = row.eventType();
    entry.effectiveDate = row.effectiveDate();
    entry.decisionNumber = row.decisionNumber();
    entry.reason = row.reason();
    entry.details = row.details();
    entry.actor = actor;
    entry.recordedAt = now;
    return HISTORY.bind(statement, first, entry);
  }

  private static int bindOutbox(
      PreparedStatement statement, int first, NewRegistration row, OffsetDateTime now)
      throws SQLException {
    return OUTBOX.bind(
        statement,
        first,
        OutboxEvent.of(
            row.eventId(), row.eventType(), row.org().uscc, row.payload(), now, row.traceparent()));
  }
}
