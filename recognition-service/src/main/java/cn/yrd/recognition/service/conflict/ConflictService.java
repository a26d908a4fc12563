package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.recognition.api.OfficerNote;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import cn.yrd.support.validation.TextRules;
import cn.yrd.support.validation.ValidationOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.UUID;

/** What recognition officers do with a conflict: acknowledge, resolve, dismiss, with a note. */
@ApplicationScoped
public class ConflictService {
  @Inject ConflictDetector detector;

  @Transactional
  public ConflictState acknowledge(UUID id, String note, CallerInfo caller) {
    Conflict c = actOn(id, note, caller);
    if (c.status != ConflictStatus.OPEN) {
      throw ProblemException.rule("not-open", "conflict " + id + " is " + c.status);
    }
    c.status = ConflictStatus.ACKNOWLEDGED;
    c.acknowledgedBy = caller.name();
    c.acknowledgedAt = BusinessTime.now();
    c.updatedAt = c.acknowledgedAt;
    detector.published(EventTypes.CONFLICT_UPDATED, c);
    return detector.toState(c);
  }

  @Transactional
  public ConflictState close(UUID id, ConflictStatus outcome, String note, CallerInfo caller) {
    Conflict c = actOn(id, note, caller);
    if (!c.status.isOpen()) {
      throw ProblemException.rule("already-closed", "conflict " + id + " is already " + c.status);
    }
    c.status = outcome;
    c.resolution = ConflictDetector.OFFICER;
    c.closedBy = caller.name();
    c.closedAt = BusinessTime.now();
    c.updatedAt = c.closedAt;
    detector.published(
        outcome == ConflictStatus.RESOLVED
            ? EventTypes.CONFLICT_RESOLVED
            : EventTypes.CONFLICT_UPDATED,
        c);
    return detector.toState(c);
  }

  /** One conflict as the API returns it. */
  public ConflictState read(UUID id) {
    return detector.toState(load(id));
  }

  private Conflict load(UUID id) {
    Conflict c = Conflict.findById(id);
    if (c == null) {
      throw ProblemException.notFound("no conflict " + id);
    }
    return c;
  }

  private Conflict actOn(UUID id, String note, CallerInfo caller) {
    ValidationOutcome outcome = new ValidationOutcome();
    String text = TextRules.required(outcome, "note", note, OfficerNote.NOTE_MAX);
    outcome.throwIfInvalid();
    Conflict c = load(id);
    boolean involved =
        caller.hasRole(Roles.RECOGNITION_OFFICER)
            && caller
                .province()
                .map(Province::name)
                .filter(p -> Arrays.asList(c.provinces).contains(p))
                .isPresent();
    if (!involved) {
      throw ProblemException.forbidden(
          "only a recognition officer of an involved province ("
              + String.join(", ", c.provinces)
              + ") may act on it");
    }
    c.note = text;
    return c;
  }
}
