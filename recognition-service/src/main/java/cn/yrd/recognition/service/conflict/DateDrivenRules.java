package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.Uscc;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.service.view.ViewReads;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.time.DayFollower;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Rules whose truth a date changes with no event at all (docs/rules.md, "Rules through time"): when
 * the business date moves on, the scopes whose truth changed on the days in between are evaluated
 * again as of the new date, and their conflicts resolve with the date's reason (BAR_ENDED,
 * GRADE_EXPIRED). The days come from the view's own columns, so there is nothing to keep in step:
 * an organization's scope changes on its grade's expiry, a person's when the bar of a revocation
 * they represented ends. At start-up the first run catches up every day missed since the last.
 */
@ApplicationScoped
public class DateDrivenRules implements DayFollower {
  private static final Logger LOG = Logger.getLogger(DateDrivenRules.class);

  /** Scopes per transaction: each takes an advisory lock, and a lock table has room for ~6,400. */
  private static final int CHUNK = 500;

  /** Before the first run, every date the view holds is in the past. */
  private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

  @Inject ScopeEvaluator scopes;
  @Inject RecognitionConfig config;

  /** What one run did: the days it covered and the scopes it evaluated. */
  public record Run(LocalDate from, LocalDate to, int organizations, int persons) {}

  /**
   * Evaluates the scopes whose truth changed between the last evaluated day and today, if the date
   * moved; a clock moved backwards (test profile) re-evaluates the days it went back over.
   */
  public Run catchUp() {
    LocalDate today = BusinessTime.today();
    LocalDate through = QuarkusTransaction.requiringNew().call(DateDrivenRules::evaluatedThrough);
    if (today.equals(through)) {
      return new Run(today, today, 0, 0);
    }
    LocalDate from = through == null ? BEGINNING : through.isBefore(today) ? through : today;
    LocalDate to = through == null || through.isBefore(today) ? today : through;
    // Evaluations that judged as of the old day commit before the scopes are picked.
    QuarkusTransaction.requiringNew().run(DayTurn::waitForEvaluationsInFlight);
    int years = config.legalRepBarYears();
    Set<String> organizations =
        QuarkusTransaction.requiringNew()
            .call(() -> ViewReads.withDateIn("uscc", "grade_expires_on", from, to));
    // A bar of a revocation on day r ends on the first day d with d - years >= r.
    Set<String> persons =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ViewReads.withDateIn(
                        "person_ref",
                        "revocation_date",
                        from.minusYears(years),
                        to.minusYears(years)));
    evaluate(organizations, (touched, code) -> touched.organization(Uscc.parse(code)), today);
    evaluate(persons, TouchedScopes::person, today);
    if (!organizations.isEmpty() || !persons.isEmpty()) {
      LOG.infof(
          "Date-driven rules for %s to %s: %d organizations, %d persons evaluated",
          from, to, organizations.size(), persons.size());
    }
    // Last: the day counts as evaluated (and the test clock as settled) only once all is done.
    QuarkusTransaction.requiringNew().run(() -> markEvaluated(today));
    return new Run(from, to, organizations.size(), persons.size());
  }

  private void evaluate(Set<String> keys, BiConsumer<TouchedScopes, String> add, LocalDate today) {
    List<String> all = new ArrayList<>(keys);
    for (int i = 0; i < all.size(); i += CHUNK) {
      TouchedScopes chunk = new TouchedScopes();
      all.subList(i, Math.min(all.size(), i + CHUNK)).forEach(key -> add.accept(chunk, key));
      QuarkusTransaction.requiringNew()
          .run(() -> scopes.evaluate(chunk, today, AutoResolution.BY_DATE));
    }
  }

  @Override
  public Optional<LocalDate> settledThrough() {
    return Optional.ofNullable(
        QuarkusTransaction.requiringNew().call(DateDrivenRules::evaluatedThrough));
  }

  private static LocalDate evaluatedThrough() {
    @SuppressWarnings("unchecked")
    List<LocalDate> rows =
        Panache.getEntityManager()
            .createNativeQuery("SELECT evaluated_through FROM rule_calendar WHERE id = 1")
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static void markEvaluated(LocalDate day) {
    Panache.getEntityManager()
        .createNativeQuery(
            "INSERT INTO rule_calendar (id, evaluated_through) VALUES (1, :day)"
                + " ON CONFLICT (id) DO UPDATE SET evaluated_through = EXCLUDED.evaluated_through")
        .setParameter("day", day)
        .executeUpdate();
  }
}
