package cn.yrd.recognition.service;

import cn.yrd.recognition.event.ParsedEvent;
import cn.yrd.recognition.event.ProcessedEvent;
import cn.yrd.support.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Applies registry events: the view, the sequence tracking, the recognition cascade and every
 * affected conflict scope, with the processed ce_id, in one transaction, so a redelivery changes
 * nothing.
 */
@ApplicationScoped
public class EventProcessor {
  @Inject ViewUpdater view;
  @Inject SequenceTracking sequences;
  @Inject RecognitionService recognitions;
  @Inject ScopeEvaluator scopes;

  @Transactional
  public void applyAll(List<ParsedEvent> events) {
    events.forEach(this::applyOne);
  }

  @Transactional
  public void apply(ParsedEvent event) {
    applyOne(event);
  }

  private void applyOne(ParsedEvent e) {
    if (ProcessedEvent.findById(e.meta().id()) != null) {
      return;
    }
    SequenceTracking.Gap gap = sequences.record(e.meta().province(), e.meta().sequence());
    view.apply(e.meta(), e.event(), e.payload())
        .ifPresent(
            applied -> {
              OrgSnapshot before = applied.before();
              OrgSnapshot after = applied.after();
              recognitions.cascade(before, after, e.meta().type());
              scopes.organization(after.uscc());
              scopes.name(after.normalizedName());
              scopes.person(after.personRef());
              if (before != null && !before.normalizedName().equals(after.normalizedName())) {
                scopes.name(before.normalizedName());
              }
              if (before != null && !before.personRef().equals(after.personRef())) {
                scopes.person(before.personRef());
              }
            });
    if (gap.closed()) {
      scopes.sequence(e.meta().province());
    }
    ProcessedEvent processed = new ProcessedEvent();
    processed.eventId = e.meta().id();
    processed.topic = e.topic();
    processed.partition = e.partition();
    processed.offset = e.offset();
    processed.processedAt = BusinessTime.now();
    processed.persist();
  }
}
