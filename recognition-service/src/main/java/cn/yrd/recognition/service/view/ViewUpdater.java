package cn.yrd.recognition.service.view;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.NameNormalizer;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.OrganizationState;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.service.feed.FeedWriter;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies a registry event to the consolidated view: that province's record becomes its state. */
@ApplicationScoped
public class ViewUpdater {
  @Inject FeedWriter feed;

  /** The record before (null if new) and after the event. */
  public record Applied(OrgSnapshot before, OrgSnapshot after) {}

  /**
   * The records a batch of events is about, as read, and those it added or changed. They are plain
   * objects, never managed by the session: {@link #store} writes them.
   */
  public static final class Batch {
    private final Map<OrgRecord.Key, OrgRecord> records;
    private final Map<OrgRecord.Key, OrgRecord> added = new LinkedHashMap<>();
    private final Map<OrgRecord.Key, OrgRecord> changed = new LinkedHashMap<>();

    Batch(Map<OrgRecord.Key, OrgRecord> records) {
      this.records = records;
    }

    /** The codes of the records read. */
    public List<String> usccs() {
      return records.keySet().stream().map(k -> k.uscc).distinct().toList();
    }
  }

  /** Every record of the organizations these events are about, in one query. */
  public Batch load(List<ParsedEvent> events) {
    List<String> usccs =
        events.stream().map(e -> e.event().organization().uscc()).distinct().toList();
    Map<OrgRecord.Key, OrgRecord> records = new HashMap<>();
    for (OrgRecord r : ViewReads.records(usccs)) {
      records.put(new OrgRecord.Key(r.uscc, r.province), r);
    }
    return new Batch(records);
  }

  /**
   * Writes what the batch added and changed, and one feed entry for each record it did write;
   * before anything reads the view again.
   */
  public void store(Batch batch) {
    ViewWrites.insertRecords(batch.added.values());
    feed.records(batch.added.values());
    feed.records(ViewWrites.updateRecords(batch.changed.values()));
    batch.added.clear();
    batch.changed.clear();
  }

  /**
   * Empty if the view already holds this version or a newer one (a replay or a late copy). A new
   * record joins the batch; {@link #store} writes it.
   */
  public Optional<Applied> apply(
      EventMeta meta, RegistryEvent event, String payloadJson, Batch batch) {
    OrganizationState state = event.organization();
    OrgRecord.Key key = new OrgRecord.Key(state.uscc(), meta.province().name());
    OrgRecord record = batch.records.get(key);
    if (record != null && record.version >= state.version()) {
      return Optional.empty();
    }
    OrgSnapshot before = record == null ? null : OrgSnapshot.of(record);
    if (record == null) {
      record = new OrgRecord();
      record.uscc = state.uscc();
      record.province = meta.province().name();
    }
    record.name = state.name();
    record.normalizedName = NameNormalizer.normalize(state.name());
    record.category = state.category().name();
    record.status = state.status().name();
    record.personRef = state.legalRepresentative().personRef();
    record.legalRepName = state.legalRepresentative().name();
    record.gradeLevel = state.grade() == null ? null : (short) state.grade().level();
    record.gradeAwardedOn = state.grade() == null ? null : state.grade().awardedOn();
    record.gradeExpiresOn = state.grade() == null ? null : state.grade().expiresOn();
    record.abnormalListed = state.abnormalListed();
    record.seriousListed = state.seriousListed();
    record.revocationDate = state.revocation() == null ? null : state.revocation().date();
    record.deregistrationDate = state.deregistrationDate();
    record.transferredFrom =
        state.transferredFrom() == null ? null : state.transferredFrom().name();
    record.transferredTo = transferredTo(meta.type(), event.change(), record.transferredTo);
    record.version = state.version();
    record.sequence = meta.sequence();
    record.lastEventType = meta.type();
    record.state = payloadJson;
    record.updatedAt = BusinessTime.now();
    if (before == null) {
      batch.records.put(key, record);
      batch.added.put(key, record);
    } else if (!batch.added.containsKey(key)) {
      batch.changed.put(key, record);
    }
    return Optional.of(new Applied(before, OrgSnapshot.of(record)));
  }

  private static String transferredTo(String eventType, Change change, String previous) {
    if (EventTypes.TRANSFERRED_OUT.equals(eventType)
        && change != null
        && change.otherProvince() != null) {
      return change.otherProvince().name();
    }
    return previous;
  }
}
