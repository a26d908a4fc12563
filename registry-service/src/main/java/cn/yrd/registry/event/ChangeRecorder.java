package cn.yrd.registry.event;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.repository.HistoryEntry;
import cn.yrd.registry.repository.Organization;
import cn.yrd.registry.service.BusinessTime;
import cn.yrd.registry.service.OrganizationMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records one accepted change: a history entry and an outbox row, in the caller's transaction, so
 * that the change, its history and its event commit or roll back together.
 */
@ApplicationScoped
public class ChangeRecorder {
  @Inject ObjectMapper json;
  @Inject RegistryConfig config;
  @Inject OutboxRelay relay;
  @Inject TransactionSynchronizationRegistry transactions;

  public UUID record(Organization org, String eventType, Change change, String actor) {
    // Flush first so the payload carries the version the database now holds.
    Panache.getEntityManager().flush();
    UUID eventId = UUID.randomUUID();
    OffsetDateTime now = BusinessTime.now();

    OutboxEvent event = new OutboxEvent();
    event.eventId = eventId;
    event.topic = EventTypes.topicOf(eventType);
    event.eventType = eventType;
    event.subject = org.uscc;
    event.payload = payload(org, change);
    event.occurredAt = now;
    event.persist();

    HistoryEntry entry = new HistoryEntry();
    entry.uscc = org.uscc;
    entry.eventId = eventId;
    entry.eventType = eventType;
    entry.effectiveDate = change.date();
    entry.decisionNumber = change.decisionNumber();
    entry.reason = change.reason();
    entry.details = write(change);
    entry.actor = actor;
    entry.recordedAt = now;
    entry.persist();

    transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
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

  private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wakeUp();
      }
    }
  }
}
