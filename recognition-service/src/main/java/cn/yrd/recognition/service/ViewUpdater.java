package cn.yrd.recognition.service;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.OrganizationState;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.recognition.event.EventMeta;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Applies a registry event to the consolidated view: that province's record becomes its state. */
@ApplicationScoped
public class ViewUpdater {

  /** The record before (null if new) and after the event. */
  public record Applied(OrgSnapshot before, OrgSnapshot after) {}

  /** Empty if the view already holds this version or a newer one (a replay or a late copy). */
  public Optional<Applied> apply(EventMeta meta, RegistryEvent event, String payloadJson) {
    OrganizationState state = event.organization();
    OrgRecord record = OrgRecord.findById(new OrgRecord.Key(state.uscc(), meta.province().name()));
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
    record.persist();
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
