package cn.yrd.registry.service;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.registry.Change;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Puts an organization on a credit list, in the caller's transaction, and publishes it like any
 * other listing: by a supervisor's decision, with a penalty that requires it (R-LIST-03), or by the
 * registry itself on an anniversary (R-LIST-02). A new serious reason while already serious-listed
 * restarts the clean period instead of opening a second listing (R-LIST-04).
 */
@ApplicationScoped
public class StatutoryListings {
  /** The actor of what the registry does by itself because the law requires it. */
  public static final String SYSTEM = "system";

  /** The regulation whose lists these are. */
  public static final String CREDIT_REGULATION = "社会组织信用信息管理办法（民政部令第60号）";

  @Inject ChangeRecorder recorder;

  /** What a listing decision says. */
  public record Decision(LocalDate date, String decisionNumber, String reason, String actor) {}

  /**
   * Lists the organization, or, if it is already on that list, restarts a serious listing's clean
   * period; an abnormal listing already open stays as it is. Returns the open entry, or empty if
   * nothing changed.
   */
  public Optional<ListEntry> list(
      Organization org, ListKind list, String reasonCode, Decision decision) {
    Optional<ListEntry> open = ListEntry.findOpen(org.uscc, list);
    if (open.isPresent()) {
      ListEntry entry = open.get();
      if (list == ListKind.ABNORMAL || !decision.date().isAfter(entry.periodFrom)) {
        return Optional.empty();
      }
      entry.periodFrom = decision.date();
      // Every event carries a new version of the record.
      org.updatedAt = BusinessTime.now();
      publish(org, list, reasonCode, decision);
      return open;
    }
    ListEntry entry = new ListEntry();
    entry.uscc = org.uscc;
    entry.list = list;
    entry.listedOn = decision.date();
    entry.periodFrom = decision.date();
    entry.listedReason = reasonCode;
    entry.listedDecision = decision.decisionNumber();
    entry.persist();
    setListed(org, list, true);
    publish(org, list, reasonCode, decision);
    return Optional.of(entry);
  }

  /** Closes an open listing with a decision and publishes the removal. */
  public void remove(Organization org, ListEntry entry, Change change, String actor) {
    entry.removedOn = change.date();
    entry.removedReason = change.reason();
    entry.removedDecision = change.decisionNumber();
    setListed(org, entry.list, false);
    recorder.record(
        org,
        entry.list == ListKind.ABNORMAL ? EventTypes.ABNORMAL_REMOVED : EventTypes.SERIOUS_REMOVED,
        change,
        actor);
  }

  private void publish(Organization org, ListKind list, String reasonCode, Decision decision) {
    Change change =
        Change.listing(decision.date(), decision.decisionNumber(), decision.reason(), reasonCode);
    recorder.record(
        org,
        list == ListKind.ABNORMAL ? EventTypes.ABNORMAL_LISTED : EventTypes.SERIOUS_LISTED,
        change,
        decision.actor());
  }

  private static void setListed(Organization org, ListKind list, boolean listed) {
    if (list == ListKind.ABNORMAL) {
      org.abnormalListed = listed;
    } else {
      org.seriousListed = listed;
    }
    org.updatedAt = BusinessTime.now();
  }
}
