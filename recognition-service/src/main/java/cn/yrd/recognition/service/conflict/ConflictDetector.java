package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.service.feed.FeedWriter;
import cn.yrd.recognition.service.notification.NotificationWriter;
import cn.yrd.support.outbox.OutboxWriter;
import cn.yrd.support.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps the open conflicts of one scope equal to the conditions that hold in it: opens new ones,
 * updates changed evidence, resolves with reason AUTO what no longer holds. A scope is serialized
 * by a transaction-scoped advisory lock, and the database allows one open conflict per condition,
 * so concurrent instances can only retry, never double-flag or miss.
 */
@ApplicationScoped
public class ConflictDetector {
  public static final String AUTO = "AUTO";
  public static final String OFFICER = "OFFICER";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Inject OutboxWriter outbox;
  @Inject FeedWriter feed;
  @Inject NotificationWriter notifications;
  @Inject ObjectMapper json;

  /**
   * Makes each scope's open conflicts equal to its holding conditions; those that no longer hold
   * resolve AUTO with the reason {@code autoReason} gives their type. Must run inside the
   * transaction that changed what the conditions read, after {@link #lock} of the same scopes.
   */
  public void reconcile(
      Map<String, List<Condition>> holdingByScope, Function<ConflictType, String> autoReason) {
    Map<String, Map<String, Conflict>> openByScope = new HashMap<>();
    // One array parameter: Hibernate translates an HQL "in" list anew for every length of it.
    @SuppressWarnings("unchecked")
    List<Conflict> open =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT * FROM conflict WHERE scope_key = ANY (cast(:scopes AS text[]))"
                    + " AND status IN ('OPEN', 'ACKNOWLEDGED')",
                Conflict.class)
            .setParameter("scopes", holdingByScope.keySet().toArray(String[]::new))
            .getResultList();
    for (Conflict c : open) {
      openByScope.computeIfAbsent(c.scopeKey, k -> new HashMap<>()).put(c.conditionKey, c);
    }
    OffsetDateTime now = BusinessTime.now();
    Set<String> dismissed = standingDismissals(holdingByScope, now);
    holdingByScope.forEach(
        (scope, holding) ->
            reconcileScope(
                scope,
                holding,
                openByScope.getOrDefault(scope, new HashMap<>()),
                dismissed,
                autoReason,
                now));
  }

  /**
   * Serializes work on these scopes until the transaction ends; taken in sorted order so two
   * instances cannot deadlock.
   */
  public void lock(Collection<String> scopes) {
    Panache.getEntityManager()
        .createNativeQuery(
            "SELECT count(pg_advisory_xact_lock(hashtextextended(s, 0)))"
                + " FROM unnest(cast(:scopes AS text[])) AS s")
        .setParameter("scopes", new TreeSet<>(scopes).toArray(String[]::new))
        .getSingleResult();
  }

  private void reconcileScope(
      String scope,
      List<Condition> holding,
      Map<String, Conflict> open,
      Set<String> dismissed,
      Function<ConflictType, String> autoReason,
      OffsetDateTime now) {
    for (Condition condition : holding) {
      Conflict existing = open.remove(condition.key());
      String evidence = write(condition.evidence());
      if (existing == null) {
        if (!dismissed.contains(dismissal(condition.key(), condition.fingerprint()))) {
          open(scope, condition, evidence, now);
        }
      } else if (!existing.fingerprint.equals(condition.fingerprint())
          || !sameJson(existing.evidence, evidence)) {
        existing.fingerprint = condition.fingerprint();
        existing.usccs = condition.usccs().toArray(String[]::new);
        existing.provinces = condition.provinces().toArray(String[]::new);
        existing.evidence = evidence;
        existing.severity = condition.severity();
        existing.ruleId = condition.ruleId();
        existing.updatedAt = now;
        publish(EventTypes.CONFLICT_UPDATED, existing);
      }
    }
    for (Conflict gone : open.values()) {
      gone.status = ConflictStatus.RESOLVED;
      gone.resolution = AUTO;
      gone.resolutionReason = autoReason.apply(gone.type);
      gone.closedAt = now;
      gone.updatedAt = now;
      publish(EventTypes.CONFLICT_RESOLVED, gone);
    }
  }

  /** Publishes a conflict's new state after an officer acted on it. */
  public void published(String eventType, Conflict conflict) {
    publish(eventType, conflict);
  }

  public ConflictState toState(Conflict c) {
    return new ConflictState(
        c.id,
        c.type,
        c.severity,
        c.status,
        c.conditionKey,
        Arrays.asList(c.usccs),
        Arrays.asList(c.provinces),
        read(c.evidence),
        c.openedAt,
        c.updatedAt,
        c.acknowledgedBy,
        c.closedBy,
        c.resolution,
        c.note,
        c.ruleId,
        c.resolutionReason);
  }

  private void open(String scope, Condition condition, String evidence, OffsetDateTime now) {
    Conflict c = new Conflict();
    c.id = UUID.randomUUID();
    c.type = condition.type();
    c.severity = condition.severity();
    c.status = ConflictStatus.OPEN;
    c.conditionKey = condition.key();
    c.ruleId = condition.ruleId();
    c.scopeKey = scope;
    c.fingerprint = condition.fingerprint();
    c.usccs = condition.usccs().toArray(String[]::new);
    c.provinces = condition.provinces().toArray(String[]::new);
    c.evidence = evidence;
    c.openedAt = now;
    c.updatedAt = now;
    c.persist();
    publish(EventTypes.CONFLICT_OPENED, c);
  }

  /**
   * The dismissals that still hold back a condition of these scopes, as {@link #dismissal} keys. An
   * officer's dismissal or resolution binds the condition's fingerprint until that condition once
   * stops holding (R-CONFLICT-10): those whose condition no longer holds lapse here, so the
   * condition is raised again if it comes back. One query and at most one update per batch.
   */
  private static Set<String> standingDismissals(
      Map<String, List<Condition>> holdingByScope, OffsetDateTime now) {
    Set<String> dismissed = new HashSet<>();
    if (holdingByScope.isEmpty()) {
      return dismissed;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT id, scope_key, condition_key, fingerprint FROM conflict"
                    + " WHERE resolution = :officer AND dismissal_lapsed_at IS NULL"
                    + " AND scope_key = ANY (cast(:scopes AS text[]))")
            .setParameter("officer", OFFICER)
            .setParameter("scopes", holdingByScope.keySet().toArray(String[]::new))
            .getResultList();
    List<UUID> lapsed = new ArrayList<>();
    for (Object[] row : rows) {
      String key = dismissal((String) row[2], (String) row[3]);
      boolean stillHolds =
          holdingByScope.get((String) row[1]).stream()
              .anyMatch(c -> dismissal(c.key(), c.fingerprint()).equals(key));
      if (stillHolds) {
        dismissed.add(key);
      } else {
        lapsed.add((UUID) row[0]);
      }
    }
    if (!lapsed.isEmpty()) {
      Panache.getEntityManager()
          .createNativeQuery(
              "UPDATE conflict SET dismissal_lapsed_at = :now WHERE id = ANY (cast(:ids AS uuid[]))")
          .setParameter("now", now)
          .setParameter("ids", lapsed.toArray(UUID[]::new))
          .executeUpdate();
    }
    return dismissed;
  }

  private static String dismissal(String conditionKey, String fingerprint) {
    return conditionKey + '\n' + fingerprint;
  }

  private void publish(String eventType, Conflict c) {
    String subject = c.usccs.length > 0 ? c.usccs[0] : c.scopeKey;
    String state = write(toState(c));
    outbox.append(eventType, subject, state);
    feed.conflict(eventType, c.usccs.length > 0 ? c.usccs[0] : null, c.provinces, state);
    notifications.conflict(eventType, c, state);
  }

  private boolean sameJson(String a, String b) {
    try {
      return json.readTree(a).equals(json.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String evidence) {
    try {
      return json.readValue(evidence, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
