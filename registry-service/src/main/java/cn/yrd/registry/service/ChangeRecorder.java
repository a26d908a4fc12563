package cn.yrd.registry.service;

import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.HistoryEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.support.outbox.OutboxWriter;
import cn.yrd.support.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Records one accepted change: a history entry and an outbox row, in the caller's transaction, so
 * that the change, its history and its event commit or roll back together.
 */
@ApplicationScoped
public class ChangeRecorder {
  @Inject ObjectMapper json;
  @Inject RegistryConfig config;
  @Inject OutboxWriter outbox;

  public UUID record(Organization org, String eventType, Change change, String actor) {
    // Flush first so the payload carries the version the database now holds.
    Panache.getEntityManager().flush();
    UUID eventId = outbox.append(eventType, org.uscc, payload(org, change));

    HistoryEntry entry = new HistoryEntry();
    entry.uscc = org.uscc;
    entry.eventId = eventId;
    entry.eventType = eventType;
    entry.effectiveDate = change.date();
    entry.decisionNumber = change.decisionNumber();
    entry.reason = change.reason();
    entry.details = write(change);
    entry.actor = actor;
    entry.recordedAt = BusinessTime.now();
    entry.persist();
    return eventId;
  }

  /** The event payload: the record's full state after the change, and the change. */
  public String payload(Organization org, Change change) {
    return write(new RegistryEvent(OrganizationMapper.toState(org, config.province()), change));
  }

  /** The change alone, as the history keeps it. */
  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event payload not serializable", e);
    }
  }
}
