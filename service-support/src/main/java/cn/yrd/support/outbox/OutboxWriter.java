package cn.yrd.support.outbox;

import cn.yrd.contracts.EventIds;
import cn.yrd.contracts.EventTypes;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/** Appends an event to the outbox in the caller's transaction and wakes the relay after commit. */
@ApplicationScoped
@IfBuildProperty(name = "yrd.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxWriter {
  @Inject OutboxRelay relay;
  @Inject TransactionSynchronizationRegistry transactions;

  /** Stores the event; its id is the CloudEvent's {@code ce_id}. */
  public UUID append(String eventType, String subject, String payloadJson) {
    UUID eventId = EventIds.next();
    OutboxEvent event = new OutboxEvent();
    event.eventId = eventId;
    event.topic = EventTypes.topicOf(eventType);
    event.eventType = eventType;
    event.subject = subject;
    event.payload = payloadJson;
    event.occurredAt = BusinessTime.now();
    event.persist();
    transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
    return eventId;
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
