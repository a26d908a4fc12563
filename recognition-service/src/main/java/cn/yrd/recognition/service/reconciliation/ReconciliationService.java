package cn.yrd.recognition.service.reconciliation;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.api.Reconciliation;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.search.NameSearch;
import cn.yrd.support.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Reconciliation Service API (W3C Entity Reconciliation Community Group, 0.2): a data officer
 * matches a spreadsheet of names against the federation in OpenRefine. Entities are organizations,
 * identified by USCC; candidates come from {@link NameSearch}.
 */
@ApplicationScoped
public class ReconciliationService {
  /** The identifier space: a USCC names one organization whichever province registered it. */
  public static final String IDENTIFIER_SPACE = "https://yrd.local/ns/uscc";

  public static final String SCHEMA_SPACE = "https://yrd.local/ns/schema";
  public static final Reconciliation.Type ORGANIZATION =
      new Reconciliation.Type("SocialOrganization", "Social organization (社会组织)");

  /** The most queries one batch may hold (OpenRefine sends 10 at a time). */
  static final int MAX_QUERIES = 50;

  /** The longest batch, in characters: 50 queries of long names with their properties. */
  public static final int MAX_QUERIES_LENGTH = 100_000;

  private static final int DEFAULT_LIMIT = 5;

  @Inject NameSearch names;
  @Inject ObjectMapper json;

  /** The manifest; {@code viewBase} is where a person reads an organization by its USCC. */
  public Reconciliation.Manifest manifest(String viewBase) {
    return new Reconciliation.Manifest(
        List.of("0.2"),
        "Yangtze River Delta social organizations (长三角社会组织登记互认)",
        IDENTIFIER_SPACE,
        SCHEMA_SPACE,
        List.of(ORGANIZATION),
        new Reconciliation.View(viewBase + "{{id}}"));
  }

  /** Answers a batch: the {@code queries} parameter, a JSON object of keyed queries. */
  public Map<String, Reconciliation.Result> reconcile(String queries) {
    JsonNode batch = parse(queries);
    Map<String, Reconciliation.Result> results = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = batch.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      results.put(entry.getKey(), answer(entry.getKey(), entry.getValue()));
    }
    return results;
  }

  private JsonNode parse(String queries) {
    if (queries == null || queries.isBlank()) {
      throw ProblemException.field("queries", "must be given");
    }
    if (queries.length() > MAX_QUERIES_LENGTH) {
      throw ProblemException.field(
          "queries", "must be at most " + MAX_QUERIES_LENGTH + " characters");
    }
    JsonNode batch;
    try {
      batch = json.readTree(queries);
    } catch (JsonProcessingException e) {
      throw ProblemException.field("queries", "is not JSON: " + e.getOriginalMessage());
    }
    if (batch == null || !batch.isObject() || batch.isEmpty()) {
      throw ProblemException.field("queries", "must be a JSON object of keyed queries");
    }
    if (batch.size() > MAX_QUERIES) {
      throw ProblemException.field("queries", "must hold at most " + MAX_QUERIES + " queries");
    }
    return batch;
  }

  private Reconciliation.Result answer(String key, JsonNode query) {
    String field = "queries." + key;
    if (!query.isObject() || !query.path("query").isTextual()) {
      throw ProblemException.field(field + ".query", "must be the name to reconcile, a string");
    }
    JsonNode type = query.path("type");
    if (!type.isMissingNode() && !type.isNull() && !type.asText().equals(ORGANIZATION.id())) {
      return new Reconciliation.Result(List.of());
    }
    int limit = query.path("limit").asInt(DEFAULT_LIMIT);
    if (limit < 1 || limit > NameSearch.MAX_LIMIT) {
      throw ProblemException.field(field + ".limit", "must be from 1 to " + NameSearch.MAX_LIMIT);
    }
    Province province = provinceOf(field, query.path("properties"));
    return new Reconciliation.Result(
        candidates(names.matches(query.get("query").asText(), province, limit)));
  }

  /** The one property understood: {@code province} (SH, JS, ZJ or AH); others are ignored. */
  private static Province provinceOf(String field, JsonNode properties) {
    for (JsonNode property : properties) {
      if ("province".equals(property.path("pid").asText())) {
        try {
          return Province.valueOf(property.path("v").asText());
        } catch (IllegalArgumentException e) {
          throw ProblemException.field(field + ".properties", "province must be SH, JS, ZJ or AH");
        }
      }
    }
    return null;
  }

  /** One candidate per USCC (a code registered in two provinces is one organization). */
  static List<Reconciliation.Candidate> candidates(List<Views.NameMatch> matches) {
    Map<String, List<Views.NameMatch>> byCode = new LinkedHashMap<>();
    for (Views.NameMatch m : matches) {
      byCode.computeIfAbsent(m.organization().uscc(), c -> new ArrayList<>()).add(m);
    }
    long exact = byCode.values().stream().filter(ms -> ms.get(0).score() >= 1.0).count();
    List<Reconciliation.Candidate> candidates = new ArrayList<>();
    for (List<Views.NameMatch> records : byCode.values()) {
      Views.NameMatch best = records.get(0);
      List<String> where =
          records.stream()
              .map(r -> r.organization().province() + " " + r.organization().status())
              .toList();
      candidates.add(
          new Reconciliation.Candidate(
              best.organization().uscc(),
              best.organization().name(),
              List.of(ORGANIZATION),
              Math.round(best.score() * 1000) / 10.0,
              best.score() >= 1.0 && exact == 1,
              String.join(", ", where)));
    }
    return candidates;
  }
}
