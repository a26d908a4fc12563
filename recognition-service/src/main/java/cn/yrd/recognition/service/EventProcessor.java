package cn.yrd.recognition.service;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.repository.ProcessedEvent;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import cn.yrd.recognition.service.conflict.TouchedScopes;
import cn.yrd.recognition.service.recognition.RecognitionService;
import cn.yrd.recognition.service.sequence.SequenceTracking;
import cn.yrd.recognition.service.view.ParsedEvent;
import cn.yrd.recognition.service.view.ViewReads;
import cn.yrd.recognition.service.view.ViewUpdater;
import cn.yrd.recognition.service.view.ViewWrites;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;

/**
 * Applies registry events: the view, the sequence tracking, the recognition cascade and every
 * affected conflict scope, with the processed ce_id, in one transaction, so a redelivery changes
 * nothing. A batch is applied set-wise, in runs in which no organization comes twice: one read of
 * what the run already knows, its events in order, then each touched scope evaluated once against
 * the run's final view.
 */
@ApplicationScoped
public class EventProcessor {
  @Inject ViewUpdater view;
  @Inject SequenceTracking sequences;
  @Inject RecognitionService recognitions;
  @Inject ScopeEvaluator scopes;

  @Transactional
  public void applyAll(List<ParsedEvent> events) {
    // Nothing below reads its own unflushed writes through a query (scope evaluation flushes before
    // it reads), so Hibernate need not dirty-check the whole batch before every statement.
    Panache.getSession().setHibernateFlushMode(FlushMode.COMMIT);
    for (List<ParsedEvent> run : runsOfDistinctOrganizations(events)) {
      applyRun(run);
    }
  }

  /**
   * The batch cut where an organization comes again: the scopes are judged after each run, so a
   * condition that stops holding and returns within one batch is seen to stop (R-CONFLICT-10: a
   * dismissal lapses then), as it is when the events arrive one by one.
   */
  static List<List<ParsedEvent>> runsOfDistinctOrganizations(List<ParsedEvent> events) {
    List<List<ParsedEvent>> runs = new ArrayList<>();
    List<ParsedEvent> run = new ArrayList<>();
    Set<String> inRun = new HashSet<>();
    for (ParsedEvent e : events) {
      if (!inRun.add(e.event().organization().uscc())) {
        runs.add(run);
        run = new ArrayList<>();
        inRun.clear();
        inRun.add(e.event().organization().uscc());
      }
      run.add(e);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  private void applyRun(List<ParsedEvent> events) {
    Set<UUID> done = processedAmong(events);
    ViewUpdater.Batch loaded = view.load(events);
    Set<String> recognized = ScopeEvaluator.withLiveRecognition(loaded.usccs());
    TouchedScopes touched = new TouchedScopes();
    EnumMap<Province, List<Long>> numbers = new EnumMap<>(Province.class);
    List<ProcessedEvent> processed = new ArrayList<>();
    for (ParsedEvent e : events) {
      if (done.add(e.meta().id())) {
        applyOne(e, loaded, recognized, touched);
        processed.add(processed(e));
        numbers
            .computeIfAbsent(e.meta().province(), p -> new ArrayList<>())
            .add(e.meta().sequence());
      }
    }
    view.store(loaded);
    ViewWrites.insertProcessed(processed);
    scopes.evaluate(touched);
    // Last, so the trackers other consumers also update stay locked only until the commit.
    TouchedScopes gapsClosed = new TouchedScopes();
    sequences.record(numbers).forEach(gapsClosed::sequence);
    scopes.evaluate(gapsClosed);
  }

  @Transactional
  public void apply(ParsedEvent event) {
    applyAll(List.of(event));
  }

  private void applyOne(
      ParsedEvent e, ViewUpdater.Batch loaded, Set<String> recognized, TouchedScopes touched) {
    view.apply(e.meta(), e.event(), e.payload(), loaded)
        .ifPresent(
            applied -> {
              if (recognized.contains(applied.after().uscc().value())) {
                recognitions.cascade(applied.before(), applied.after(), e.meta().type());
              }
              touched.changed(applied.before(), applied.after());
            });
  }

  private static ProcessedEvent processed(ParsedEvent e) {
    ProcessedEvent processed = new ProcessedEvent();
    processed.eventId = e.meta().id();
    processed.topic = e.topic();
    processed.partition = e.partition();
    processed.offset = e.offset();
    processed.processedAt = BusinessTime.now();
    return processed;
  }

  private static Set<UUID> processedAmong(List<ParsedEvent> events) {
    return ViewReads.processed(events.stream().map(e -> e.meta().id()).toList());
  }
}
