package cn.yrd.registry.service;

import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.SeriousListReason;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.time.DayFollower;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * R-LIST-02: an organization on the abnormal-activity list for two full years goes onto the serious
 * list. The law leaves no discretion, so the registry does it itself on the anniversary (actor
 * {@code system}), removing the abnormal listing, and publishes both like any other listing. The
 * first run at start-up catches up every anniversary missed while the registry was down; each move
 * is dated on its anniversary, not on the day it ran.
 */
@ApplicationScoped
public class AnniversaryListings implements DayFollower {
  private static final Logger LOG = Logger.getLogger(AnniversaryListings.class);
  private static final String BASIS = "被列入活动异常名录满2年";

  @Inject StatutoryListings listings;

  /** The last day this instance moved every listing due by then. */
  private volatile LocalDate movedThrough;

  @Scheduled(
      every = "${yrd.registry.supervision-check-interval:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    LocalDate today = BusinessTime.today();
    int moved = moveDue(today);
    movedThrough = today;
    if (moved > 0) {
      LOG.infof(
          "%d organization(s) moved from the abnormal to the serious list (R-LIST-02)", moved);
    }
  }

  /**
   * Moves every ACTIVE organization whose abnormal listing reached its anniversary by {@code
   * today}.
   */
  public int moveDue(LocalDate today) {
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ListEntry.<ListEntry>list(
                            "list = ?1 and removedOn is null and listedOn <= ?2"
                                + " and uscc in (select o.uscc from Organization o"
                                + " where o.status = cn.yrd.contracts.registry.OrgStatus.ACTIVE)",
                            ListKind.ABNORMAL,
                            today.minusYears(ListingRules.ABNORMAL_YEARS))
                        .stream()
                        .map(e -> e.id)
                        .toList());
    int moved = 0;
    for (Long id : due) {
      if (QuarkusTransaction.requiringNew().call(() -> move(id))) {
        moved++;
      }
    }
    return moved;
  }

  @Override
  public Optional<LocalDate> settledThrough() {
    return Optional.ofNullable(movedThrough);
  }

  /** One move, unless another instance holds or already made it. */
  private boolean move(Long id) {
    List<?> claimed =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT id FROM list_entry WHERE id = :id AND removed_on IS NULL"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter("id", id)
            .getResultList();
    if (claimed.isEmpty()) {
      return false;
    }
    ListEntry abnormal = ListEntry.findById(id);
    Organization org = Organization.findById(abnormal.uscc);
    LocalDate anniversary = ListingRules.anniversary(abnormal.listedOn);
    String reason =
        RuleIds.ABNORMAL_TWO_YEARS + " " + StatutoryListings.CREDIT_REGULATION + ": " + BASIS;
    listings.remove(
        org,
        abnormal,
        Change.simple(anniversary, RuleIds.ABNORMAL_TWO_YEARS, reason),
        StatutoryListings.SYSTEM);
    listings.list(
        org,
        ListKind.SERIOUS,
        SeriousListReason.ABNORMAL_LIST_TWO_YEARS.name(),
        new StatutoryListings.Decision(
            anniversary, RuleIds.ABNORMAL_TWO_YEARS, reason, StatutoryListings.SYSTEM));
    return true;
  }
}
