package cn.yrd.support.outbox;

import cn.yrd.contracts.EventIds;
import cn.yrd.support.jdbc.EntityRow;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.tracing.EventTracing;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * Appends an event to the outbox in the caller's transaction and wakes the relay after commit. A
 * writer that stores its rows with plain JDBC instead (the registry's group commit and import)
 * binds the same {@link OutboxEvent} through {@link #ROW} in its own statement and wakes the relay
 * itself.
 */
@ApplicationScoped
@IfBuildProperty(name = "yrd.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxWriter {
  /** The outbox row as JDBC writes it: the columns of {@link OutboxEvent}. */
  public static final EntityRow<OutboxEvent> ROW = EntityRow.of(OutboxEvent.class);

  @Inject OutboxRelay relay;
  @Inject TransactionSynchronizationRegistry transactions;

  /**
   * Stores the event, in the trace of the current span; its id is the CloudEvent's {@code ce_id}.
   */
  public UUID append(String eventType, String subject, String payloadJson) {
    UUID eventId = EventIds.next();
    OutboxEvent.of(
            eventId,
            eventType,
            subject,
            payloadJson,
            BusinessTime.now(),
            EventTracing.currentTraceparent())
        .persist();
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
