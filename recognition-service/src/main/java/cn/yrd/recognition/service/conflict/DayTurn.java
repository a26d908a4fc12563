package cn.yrd.recognition.service.conflict;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The barrier between event evaluations and the run that follows a new business day: an evaluation
 * holds the lock shared until its commit and reads the date only once it holds it; the day's run
 * takes it exclusively before it reads the view. So an evaluation that judged a scope as of the old
 * day has committed before the day's run picks the scopes to evaluate again, and every later one
 * judges as of the new day: nothing raised on the eve of a bar's end stays open past it.
 */
final class DayTurn {
  /** A key in the two-integer advisory-lock space, apart from the scopes' one-bigint keys. */
  private static final int NAMESPACE = 0x59524400;

  private static final int KEY = 1;

  private DayTurn() {}

  /** In an evaluating transaction, before the business date is read. */
  static void enterShared() {
    lock("pg_advisory_xact_lock_shared");
  }

  /** In a transaction of its own: returns once every evaluation that started before has ended. */
  static void waitForEvaluationsInFlight() {
    lock("pg_advisory_xact_lock");
  }

  private static void lock(String function) {
    Panache.getEntityManager()
        .createNativeQuery("SELECT cast(" + function + "(:namespace, :key) AS text)")
        .setParameter("namespace", NAMESPACE)
        .setParameter("key", KEY)
        .getSingleResult();
  }
}
