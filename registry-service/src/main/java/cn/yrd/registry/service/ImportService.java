package cn.yrd.registry.service;

import cn.yrd.contracts.Problem.FieldError;
import cn.yrd.registry.api.ImportReport;
import cn.yrd.registry.api.RegistrationRequest;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.RegistrationWriter;
import cn.yrd.registry.repository.RegistrationWriter.NewRegistration;
import cn.yrd.support.outbox.OutboxRelay;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.validation.ValidationOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * 批量导入: onboards an existing register from a streamed file. Every row is validated; valid rows are
 * stored and published in batches, each batch in its own transaction; bad rows are reported with
 * their line numbers and store nothing.
 */
@ApplicationScoped
public class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class);
  static final int BATCH_SIZE = 500;
  static final int MAX_REPORTED_ERRORS = 10_000;

  @Inject RegistrationService registrations;
  @Inject RegistrationWriter writer;
  @Inject OutboxRelay relay;
  @Inject ObjectMapper json;

  private record Pending(long line, RegistrationRequest request, Organization org) {}

  public ImportReport importRegistrations(
      InputStream body, ImportRowReader.Format format, CallerInfo caller) {
    ImportRowReader reader =
        new ImportRowReader(
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16),
            format,
            json);
    Tally tally = new Tally();
    RegistrationRules rules = registrations.rules();
    LocalDate today = BusinessTime.today();
    Set<String> seenCodes = new HashSet<>();
    Set<String> seenNames = new HashSet<>();
    List<Pending> batch = new ArrayList<>(BATCH_SIZE);
    for (ImportRowReader.Row row = reader.next(); row != null; row = reader.next()) {
      tally.rows++;
      if (row.unreadable() != null) {
        tally.reject(row.line(), null, List.of(new FieldError("", row.unreadable())));
        continue;
      }
      ValidationOutcome outcome = rules.checkNew(row.request(), today);
      String uscc = RegistrationRules.normalizeUscc(row.request().uscc());
      if (!outcome.errors().isEmpty()) {
        tally.reject(row.line(), uscc, outcome.errors());
        continue;
      }
      String name = row.request().name().strip();
      if (!seenCodes.add(uscc)) {
        tally.reject(
            row.line(), uscc, List.of(new FieldError("uscc", "appears earlier in this file")));
        continue;
      }
      if (!seenNames.add(name)) {
        tally.reject(
            row.line(), uscc, List.of(new FieldError("name", "appears earlier in this file")));
        continue;
      }
      if (!outcome.warnings().isEmpty()) {
        tally.warned++;
      }
      batch.add(
          new Pending(row.line(), row.request(), registrations.newOrganization(row.request())));
      if (batch.size() == BATCH_SIZE) {
        store(batch, caller, tally);
        batch.clear();
      }
    }
    store(batch, caller, tally);
    return tally.report();
  }

  private void store(List<Pending> batch, CallerInfo caller, Tally tally) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      int stored = QuarkusTransaction.requiringNew().call(() -> insert(batch, caller, tally));
      tally.accepted += stored;
    } catch (RuntimeException e) {
      // A concurrent registration took a code or name of this batch: store row by row instead.
      LOG.debugf("batch insert failed, retrying row by row: %s", e.getMessage());
      for (Pending pending : batch) {
        try {
          tally.accepted +=
              QuarkusTransaction.requiringNew().call(() -> insert(List.of(pending), caller, tally));
        } catch (RuntimeException rowFailure) {
          tally.reject(
              pending.line(),
              pending.org().uscc,
              List.of(new FieldError("uscc", "already registered (by a concurrent write)")));
        }
      }
    }
    relay.wakeUp();
  }

  private int insert(List<Pending> batch, CallerInfo caller, Tally tally) throws SQLException {
    Set<String> existing =
        writer.existing(
            batch.stream().map(p -> p.org().uscc).toList(),
            batch.stream().map(p -> p.org().normalizedName).toList());
    List<NewRegistration> rows = new ArrayList<>(batch.size());
    List<Pending> rejected = new ArrayList<>();
    for (Pending pending : batch) {
      Organization org = pending.org();
      if (existing.contains(org.uscc) || existing.contains(org.normalizedName)) {
        rejected.add(pending);
        continue;
      }
      rows.add(registrations.toStore(pending.request(), org));
    }
    writer.insert(rows, caller.name(), BusinessTime.now());
    // Report rejections only once the batch is in; a retried batch reports them again otherwise.
    for (Pending pending : rejected) {
      Organization org = pending.org();
      String field = existing.contains(org.uscc) ? "uscc" : "name";
      tally.reject(
          pending.line(),
          org.uscc,
          List.of(new FieldError(field, "already registered in this registry")));
    }
    return rows.size();
  }

  /** Running counts of one import. */
  private static final class Tally {
    long rows;
    long accepted;
    long rejected;
    long warned;
    final List<ImportReport.RowError> errors = new ArrayList<>();

    void reject(long line, String uscc, List<FieldError> why) {
      rejected++;
      if (errors.size() < MAX_REPORTED_ERRORS) {
        errors.add(new ImportReport.RowError(line, uscc, why));
      }
    }

    ImportReport report() {
      errors.sort((a, b) -> Long.compare(a.line(), b.line()));
      return new ImportReport(rows, accepted, rejected, warned, errors, rejected > errors.size());
    }
  }
}
