package cn.yrd.registry.service;

import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.registry.api.ListKind;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The discretionary supervision actions that are due: the law lets the authority decide, so the
 * registry shows them to its supervisors instead of acting (a grade's downgrade or withdrawal,
 * R-GRADE-04; a serious listing's removal, R-LIST-04).
 */
@ApplicationScoped
public class SupervisionDue {
  /** A downgrade (降低等级) or withdrawal (取消等级) of the grade is due. */
  public static final String GRADE_REVIEW = "GRADE_DOWNGRADE_OR_WITHDRAWAL";

  /** The organization may leave the serious list (移出严重违法失信名单). */
  public static final String SERIOUS_REMOVAL = "SERIOUS_LIST_REMOVAL";

  @Inject RegistryConfig config;

  /**
   * One due action.
   *
   * @param action {@link #GRADE_REVIEW} or {@link #SERIOUS_REMOVAL}
   * @param ruleId the rulebook's ID of the rule that makes it due
   * @param dueSince the day it became due
   * @param basis what makes it due, e.g. {@code UNQUALIFIED_INSPECTION}
   * @param legalBasis the regulation the action rests on
   */
  public record DueAction(
      String uscc,
      String name,
      String action,
      String ruleId,
      LocalDate dueSince,
      String basis,
      String legalBasis) {}

  private static final String GRADE_REGULATION = "社会组织评估管理办法（民政部令第39号）";

  /** Every action due on {@code today}, oldest first. */
  @Transactional
  public List<DueAction> on(LocalDate today) {
    List<DueAction> due = new ArrayList<>();
    for (Organization org : gradeReviewCandidates(today)) {
      LocalDate decidedOn =
          org.gradeDowngradedOn != null ? org.gradeDowngradedOn : org.gradeAwardedOn;
      GradeRules.reviewDue(
              org.gradeExpiresOn,
              decidedOn,
              SupervisionService.pastPenalties(org.uscc).stream()
                  .map(ListingRules.PastPenalty::imposedOn)
                  .toList(),
              SupervisionService.inspections(org.uscc),
              today)
          .ifPresent(
              review ->
                  due.add(
                      new DueAction(
                          org.uscc,
                          org.name,
                          GRADE_REVIEW,
                          RuleIds.GRADE_REVIEW_DUE,
                          review.since(),
                          review.trigger(),
                          GRADE_REGULATION)));
    }
    for (ListEntry entry :
        ListEntry.<ListEntry>list(
            "list = ?1 and removedOn is null and periodFrom <= ?2",
            ListKind.SERIOUS,
            today.minusYears(config.seriousListMinYears()))) {
      removable(entry, today).ifPresent(due::add);
    }
    due.sort(Comparator.comparing(DueAction::dueSince).thenComparing(DueAction::uscc));
    return due;
  }

  private Optional<DueAction> removable(ListEntry entry, LocalDate today) {
    Organization org = Organization.findById(entry.uscc);
    LocalDate cleanSince =
        ListingRules.cleanSince(entry.periodFrom, SupervisionService.pastPenalties(entry.uscc));
    return SupervisionRules.seriousRemovalBlock(
                org.status,
                org.revocationDate != null,
                cleanSince,
                today,
                config.seriousListMinYears())
            .isPresent()
        ? Optional.empty()
        : Optional.of(
            new DueAction(
                org.uscc,
                org.name,
                SERIOUS_REMOVAL,
                RuleIds.SERIOUS_REMOVAL,
                org.revocationDate != null
                    ? later(
                        org.deregistrationDate, cleanSince.plusYears(config.seriousListMinYears()))
                    : cleanSince.plusYears(config.seriousListMinYears()),
                entry.listedReason,
                StatutoryListings.CREDIT_REGULATION));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /**
   * ACTIVE organizations with a valid grade and a penalty, or an inspection short of QUALIFIED,
   * recorded after the grade was last decided: only these can have a review due.
   */
  @SuppressWarnings("unchecked")
  private static List<Organization> gradeReviewCandidates(LocalDate today) {
    return Panache.getEntityManager()
        .createNativeQuery(
            "SELECT o.* FROM organization o WHERE o.status = 'ACTIVE'"
                + " AND o.grade_expires_on > :today"
                + " AND (EXISTS (SELECT 1 FROM penalty p WHERE p.uscc = o.uscc"
                + "   AND p.imposed_on > coalesce(o.grade_downgraded_on, o.grade_awarded_on))"
                + " OR EXISTS (SELECT 1 FROM annual_inspection i WHERE i.uscc = o.uscc"
                + "   AND i.result <> 'QUALIFIED'"
                + "   AND i.recorded_on > coalesce(o.grade_downgraded_on, o.grade_awarded_on)))",
            Organization.class)
        .setParameter("today", today)
        .getResultList();
  }

  /** Today's due actions. */
  public List<DueAction> today() {
    return on(BusinessTime.today());
  }
}
