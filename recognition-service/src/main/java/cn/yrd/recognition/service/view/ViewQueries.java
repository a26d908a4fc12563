package cn.yrd.recognition.service.view;

import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.repository.Recognition;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.recognition.service.conflict.ConflictDetector;
import cn.yrd.recognition.service.recognition.RecognitionService;
import cn.yrd.support.paging.PageCursor;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.jpa.HibernateHints;

/** Read side of the consolidated view. */
@ApplicationScoped
public class ViewQueries {
  @Inject ObjectMapper json;
  @Inject ConflictDetector detector;
  @Inject RecognitionService recognitions;

  public Views.OrganizationView organization(Uscc code) {
    String uscc = code.value();
    List<Views.ProvinceRecord> records =
        OrgRecord.<OrgRecord>list("uscc", Sort.by("province"), uscc).stream()
            .map(
                r ->
                    new Views.ProvinceRecord(
                        r.province,
                        organizationOf(r.state),
                        r.sequence,
                        r.lastEventType,
                        r.updatedAt))
            .toList();
    List<Recognition> recs = Recognition.list("uscc", Sort.by("requestedAt"), uscc);
    return new Views.OrganizationView(
        uscc,
        records,
        recs.stream().map(recognitions::toState).toList(),
        openConflictsOf(uscc).stream().map(detector::toState).toList(),
        asOf());
  }

  public boolean exists(Uscc uscc) {
    return OrgRecord.count("uscc", uscc.value()) > 0 || Recognition.count("uscc", uscc.value()) > 0;
  }

  public Views.SummaryPage search(
      String nameContains, Province province, String status, int page, int size) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (nameContains != null && !nameContains.isBlank()) {
      where.add("normalizedName like :name");
      params.put(
          "name",
          "%" + NameNormalizer.normalize(nameContains).replace("%", "").replace("_", "") + "%");
    }
    if (province != null) {
      where.add("province = :province");
      params.put("province", province.name());
    }
    if (status != null) {
      where.add("status = :status");
      params.put("status", status);
    }
    PanacheQuery<OrgRecord> query =
        where.isEmpty()
            ? OrgRecord.findAll(Sort.by("uscc", "province"))
            : OrgRecord.find(String.join(" and ", where), Sort.by("uscc", "province"), params);
    List<Views.OrganizationSummary> items =
        query.page(page, size).list().stream().map(ViewQueries::summary).toList();
    long total = query.count();
    return new Views.SummaryPage(items, total, page, size, PageCursor.next(page, size, total));
  }

  public Views.PersonOrganizationsPage representedBy(String personRef, Paging paging) {
    PanacheQuery<OrgRecord> query =
        OrgRecord.find("personRef", Sort.by("uscc", "province"), personRef);
    List<Views.OrganizationSummary> items =
        query.page(paging.page(), paging.size()).list().stream().map(ViewQueries::summary).toList();
    long total = query.count();
    return new Views.PersonOrganizationsPage(items, total, paging.nextCursor(total));
  }

  public Views.ConflictPage conflicts(
      ConflictType type,
      Severity severity,
      ConflictStatus status,
      Province province,
      Uscc uscc,
      int page,
      int size,
      boolean withTotal) {
    StringBuilder sql = new StringBuilder("FROM conflict WHERE true");
    Map<String, Object> params = new HashMap<>();
    if (type != null) {
      sql.append(" AND type = :type");
      params.put("type", type.name());
    }
    if (severity != null) {
      sql.append(" AND severity = :severity");
      params.put("severity", severity.name());
    }
    if (status != null) {
      sql.append(" AND status = :status");
      params.put("status", status.name());
    }
    if (province != null) {
      sql.append(" AND :province = ANY (provinces)");
      params.put("province", province.name());
    }
    if (uscc != null) {
      sql.append(" AND :uscc = ANY (usccs)");
      params.put("uscc", uscc.value());
    }
    var em = Panache.getEntityManager();
    var select =
        em.createNativeQuery(
            "SELECT * " + sql + " ORDER BY opened_at DESC, id LIMIT :limit OFFSET :offset",
            Conflict.class);
    // Pages are only read: no snapshots for Hibernate to keep and compare.
    select.setHint(HibernateHints.HINT_READ_ONLY, true);
    params.forEach(select::setParameter);
    select.setParameter("limit", size);
    select.setParameter("offset", (long) page * size);
    @SuppressWarnings("unchecked")
    List<Conflict> items = select.getResultList();
    Long total = null;
    if (withTotal) {
      var count = em.createNativeQuery("SELECT count(*) " + sql);
      params.forEach(count::setParameter);
      total = ((Number) count.getSingleResult()).longValue();
    }
    return new Views.ConflictPage(
        items.stream().map(detector::toState).toList(),
        total,
        page,
        size,
        total == null
            ? PageCursor.nextOfUncounted(page, size, items.size())
            : PageCursor.next(page, size, total));
  }

  public Views.RecognitionPage recognitions(
      Province host, Province home, RecognitionStatus status, int page, int size) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (host != null) {
      where.add("hostProvince = :host");
      params.put("host", host.name());
    }
    if (home != null) {
      where.add("homeProvince = :home");
      params.put("home", home.name());
    }
    if (status != null) {
      where.add("status = :status");
      params.put("status", status);
    }
    PanacheQuery<Recognition> query =
        where.isEmpty()
            ? Recognition.findAll(Sort.descending("requestedAt"))
            : Recognition.find(String.join(" and ", where), Sort.descending("requestedAt"), params);
    long total = query.count();
    return new Views.RecognitionPage(
        query.page(page, size).list().stream().map(recognitions::toState).toList(),
        total,
        page,
        size,
        PageCursor.next(page, size, total));
  }

  @SuppressWarnings("unchecked")
  public Views.Statistics statistics(long consumerLag) {
    var em = Panache.getEntityManager();
    Map<String, Map<String, Map<String, Map<String, Long>>>> orgs = new TreeMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT province, category, status, CASE WHEN grade_level IS NOT NULL AND grade_expires_on > :today"
                        + " THEN grade_level || 'A' ELSE 'none' END, count(*) FROM org_record GROUP BY 1, 2, 3, 4")
                .setParameter("today", BusinessTime.today())
                .getResultList()) {
      orgs.computeIfAbsent((String) row[0], k -> new TreeMap<>())
          .computeIfAbsent((String) row[1], k -> new TreeMap<>())
          .computeIfAbsent((String) row[2], k -> new TreeMap<>())
          .put((String) row[3], ((Number) row[4]).longValue());
    }
    Map<String, Map<String, Long>> grades = new TreeMap<>();
    Map<String, Long> valid5A = new TreeMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT province, grade_level, count(*) FROM org_record WHERE status = 'ACTIVE' AND grade_level IS NOT NULL"
                        + " AND grade_expires_on > :today GROUP BY 1, 2")
                .setParameter("today", BusinessTime.today())
                .getResultList()) {
      String province = (String) row[0];
      int level = ((Number) row[1]).intValue();
      long count = ((Number) row[2]).longValue();
      grades.computeIfAbsent(province, k -> new TreeMap<>()).put(level + "A", count);
      if (level == 5) {
        valid5A.put(province, count);
      }
    }
    Map<String, Map<String, Long>> conflicts = new TreeMap<>();
    for (Conflict c :
        Conflict.<Conflict>list(
            "status in ?1", List.of(ConflictStatus.OPEN, ConflictStatus.ACKNOWLEDGED))) {
      String pair = String.join("-", new java.util.TreeSet<>(List.of(c.provinces)));
      conflicts.computeIfAbsent(c.type.name(), k -> new TreeMap<>()).merge(pair, 1L, Long::sum);
    }
    Map<String, Long> valid5AByCity = new TreeMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT substr(uscc, 3, 4), count(*) FROM org_record WHERE status = 'ACTIVE'"
                        + " AND grade_level = 5 AND grade_expires_on > :today GROUP BY 1")
                .setParameter("today", BusinessTime.today())
                .getResultList()) {
      valid5AByCity.put((String) row[0], ((Number) row[1]).longValue());
    }
    return new Views.Statistics(orgs, grades, valid5A, valid5AByCity, conflicts, consumerLag);
  }

  @SuppressWarnings("unchecked")
  public List<Views.ProvinceQuality> dataQuality() {
    var em = Panache.getEntityManager();
    List<Views.ProvinceQuality> result = new ArrayList<>();
    for (Province province : Province.values()) {
      long active = OrgRecord.count("province = ?1 and status = 'ACTIVE'", province.name());
      long conflicted =
          ((Number)
                  em.createNativeQuery(
                          "SELECT count(*) FROM org_record r WHERE r.province = :p AND r.status = 'ACTIVE' AND EXISTS"
                              + " (SELECT 1 FROM conflict c WHERE r.uscc = ANY (c.usccs) AND :p = ANY (c.provinces)"
                              + " AND c.status IN ('OPEN', 'ACKNOWLEDGED'))")
                      .setParameter("p", province.name())
                      .getSingleResult())
              .longValue();
      SequenceTracker t = SequenceTracker.findById(province.name());
      long gapSeconds =
          t == null || t.gapSince == null
              ? 0
              : Duration.between(t.gapSince, BusinessTime.now()).toSeconds();
      result.add(
          new Views.ProvinceQuality(
              province.name(),
              active,
              active - conflicted,
              active == 0 ? 1.0 : (double) (active - conflicted) / active,
              t == null ? 0 : t.contiguous,
              t == null ? 0 : t.highest,
              gapSeconds,
              t == null ? null : t.lastEventAt));
    }
    return result;
  }

  public Map<String, Long> asOf() {
    Map<String, Long> asOf = new TreeMap<>();
    for (Province p : Province.values()) {
      SequenceTracker t = SequenceTracker.findById(p.name());
      asOf.put(p.name(), t == null ? 0 : t.contiguous);
    }
    return asOf;
  }

  @SuppressWarnings("unchecked")
  private static List<Conflict> openConflictsOf(String uscc) {
    return Panache.getEntityManager()
        .createNativeQuery(
            "SELECT * FROM conflict WHERE :u = ANY (usccs) AND status IN ('OPEN', 'ACKNOWLEDGED') ORDER BY opened_at",
            Conflict.class)
        .setParameter("u", uscc)
        .getResultList();
  }

  public static Views.OrganizationSummary summary(OrgRecord r) {
    return new Views.OrganizationSummary(
        r.uscc,
        r.province,
        r.name,
        r.category,
        r.status,
        r.gradeLevel == null ? null : r.gradeLevel + "A");
  }

  private JsonNode organizationOf(String state) {
    try {
      return json.readTree(state).get("organization");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
