package cn.yrd.registry.service;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.registry.api.HistoryPage;
import cn.yrd.registry.api.HistoryView;
import cn.yrd.registry.api.OrganizationPage;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.api.SupervisionView;
import cn.yrd.registry.repository.AnnualInspection;
import cn.yrd.registry.repository.HistoryEntry;
import cn.yrd.registry.repository.ListEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.repository.Penalty;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries on the register. */
@ApplicationScoped
public class RegistrationQueries {
  @Inject ObjectMapper json;
  @Inject RegistrationService registrations;

  /** Search filters; null means "any". */
  public record Filter(
      String nameContains,
      OrgCategory category,
      OrgStatus status,
      Integer grade,
      String registrationAuthority,
      LocalDate establishedFrom,
      LocalDate establishedTo) {}

  /** One page of matches, each as this caller may see it. */
  public OrganizationPage search(Filter filter, Integer page, Integer size, CallerInfo caller) {
    ValidationOutcome outcome = new ValidationOutcome();
    Paging paging = Paging.of(page, size, outcome);
    if (filter.grade() != null && (filter.grade() < 1 || filter.grade() > 5)) {
      outcome.error("grade", "must be between 1 and 5");
    }
    if (filter.establishedFrom() != null
        && filter.establishedTo() != null
        && filter.establishedFrom().isAfter(filter.establishedTo())) {
      outcome.error("establishedFrom", "must not be after establishedTo");
    }
    TextRules.optional(outcome, "name", filter.nameContains(), RegistrationRules.NAME_MAX);
    outcome.throwIfInvalid();

    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
      where.add("name like :name escape '\\'");
      params.put("name", "%" + escapeLike(filter.nameContains().strip()) + "%");
    }
    add(where, params, "category", filter.category());
    add(where, params, "status", filter.status());
    if (filter.grade() != null) {
      where.add("gradeLevel = :grade");
      params.put("grade", filter.grade().shortValue());
    }
    add(where, params, "registrationAuthority", blankToNull(filter.registrationAuthority()));
    if (filter.establishedFrom() != null) {
      where.add("establishmentDate >= :from");
      params.put("from", filter.establishedFrom());
    }
    if (filter.establishedTo() != null) {
      where.add("establishmentDate <= :to");
      params.put("to", filter.establishedTo());
    }
    PanacheQuery<Organization> query =
        where.isEmpty()
            ? Organization.findAll(Sort.by("name"))
            : Organization.find(String.join(" and ", where), Sort.by("name"), params);
    List<OrganizationView> items =
        query.page(paging.page(), paging.size()).stream()
            .map(org -> registrations.view(org, caller))
            .toList();
    long total = query.count();
    return new OrganizationPage(
        items, total, paging.page(), paging.size(), paging.nextCursor(total));
  }

  /** One page of an organization's changes and supervision actions, newest first. */
  public HistoryPage history(Uscc code, Paging paging) {
    PanacheQuery<HistoryEntry> query =
        HistoryEntry.find("uscc", Sort.descending("id"), code.value());
    List<HistoryView> items =
        query.page(paging.page(), paging.size()).stream().map(this::toView).toList();
    long total = query.count();
    return new HistoryPage(items, total, paging.nextCursor(total));
  }

  /** Penalties (newest first), list entries and annual inspections of one organization. */
  public SupervisionView supervision(Uscc code) {
    String uscc = code.value();
    List<SupervisionView.PenaltyView> penalties =
        Penalty.<Penalty>list("uscc", Sort.descending("imposedOn", "id"), uscc).stream()
            .map(
                p ->
                    new SupervisionView.PenaltyView(
                        p.kind, p.imposedOn, p.decisionNumber, p.reason, p.fineAmount, p.stopUntil))
            .toList();
    List<SupervisionView.ListingView> listings =
        ListEntry.<ListEntry>list("uscc", Sort.descending("listedOn", "id"), uscc).stream()
            .map(
                e ->
                    new SupervisionView.ListingView(
                        e.list.name(),
                        e.listedOn,
                        e.listedReason,
                        e.listedDecision,
                        e.periodFrom,
                        e.removedOn,
                        e.removedReason,
                        e.removedDecision))
            .toList();
    List<SupervisionView.InspectionView> inspections =
        AnnualInspection.<AnnualInspection>list("uscc", Sort.descending("year"), uscc).stream()
            .map(
                i ->
                    new SupervisionView.InspectionView(
                        i.year, i.result, i.recordedOn, i.decisionNumber))
            .toList();
    return new SupervisionView(penalties, listings, inspections);
  }

  private HistoryView toView(HistoryEntry entry) {
    try {
      return new HistoryView(
          entry.eventId,
          entry.eventType,
          entry.effectiveDate,
          entry.decisionNumber,
          entry.reason,
          json.readTree(entry.details),
          entry.actor,
          entry.recordedAt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored history is not JSON", e);
    }
  }

  private static void add(
      List<String> where, Map<String, Object> params, String field, Object value) {
    if (value != null) {
      where.add(field + " = :" + field);
      params.put(field, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
