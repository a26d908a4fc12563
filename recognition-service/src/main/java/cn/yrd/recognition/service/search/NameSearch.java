package cn.yrd.recognition.service.search;

import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.Province;
import cn.yrd.recognition.api.Views;
import cn.yrd.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Name search that forgives (模糊查询): records ranked by the trigram similarity (pg_trgm) of their
 * normalized name to the one asked for, so a typo, a missing word or a traditional character still
 * finds the organization. No search engine besides PostgreSQL.
 */
@ApplicationScoped
public class NameSearch {
  private static final Logger LOG = Logger.getLogger(NameSearch.class);

  /** The longest name asked for, in characters (the registries' own limit). */
  public static final int MAX_NAME = 100;

  /** The most matches one search answers. */
  public static final int MAX_LIMIT = 50;

  @Inject EntityManager entityManager;

  private volatile boolean seesChinese = true;

  void check(@Observes StartupEvent event) {
    seesChinese =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    !entityManager
                        .createNativeQuery("SELECT show_trgm('协会')::text")
                        .getSingleResult()
                        .equals("{}"));
    if (!seesChinese) {
      LOG.error(
          "name search is unavailable: this database's LC_CTYPE does not classify Chinese"
              + " characters, so pg_trgm finds no trigrams in them; create the recognition"
              + " database with LC_CTYPE C.UTF-8 (or zh_CN.UTF-8)");
    }
  }

  /**
   * The best matches first, at most {@code limit}, optionally in one province only. A record
   * matches when its similarity reaches pg_trgm.similarity_threshold (0.3 unless the database sets
   * another).
   */
  public List<Views.NameMatch> matches(String name, Province province, int limit) {
    if (!seesChinese) {
      throw ProblemException.of(
          503,
          "name-search-unavailable",
          "Name search unavailable",
          "the recognition database cannot split Chinese names into trigrams (LC_CTYPE)");
    }
    if (name == null || name.isBlank()) {
      throw ProblemException.field("name", "must be given");
    }
    if (name.length() > MAX_NAME) {
      throw ProblemException.field("name", "must be at most " + MAX_NAME + " characters");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.field("limit", "must be from 1 to " + MAX_LIMIT);
    }
    String normalized = NameNormalizer.normalize(name);
    if (normalized.isEmpty()) {
      throw ProblemException.field("name", "must contain a letter, a digit or a character");
    }
    Query query =
        entityManager.createNativeQuery(
            "SELECT uscc, province, name, category, status, grade_level,"
                + " similarity(normalized_name, :name) AS score FROM org_record"
                + " WHERE normalized_name % :name"
                + (province == null ? "" : " AND province = :province")
                + " ORDER BY score DESC, uscc, province LIMIT :limit");
    query.setParameter("name", normalized);
    query.setParameter("limit", limit);
    if (province != null) {
      query.setParameter("province", province.name());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(NameSearch::match).toList();
  }

  private static Views.NameMatch match(Object[] row) {
    Integer grade = row[5] == null ? null : ((Number) row[5]).intValue();
    return new Views.NameMatch(
        new Views.OrganizationSummary(
            (String) row[0],
            (String) row[1],
            (String) row[2],
            (String) row[3],
            (String) row[4],
            grade == null ? null : grade + "A"),
        ((Number) row[6]).doubleValue());
  }
}
