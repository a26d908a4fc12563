package cn.yrd.audit.service;

import cn.yrd.audit.api.AuditViews;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.evidence.RecognitionEvidence;
import cn.yrd.contracts.tlog.AuditEntry;
import cn.yrd.contracts.tlog.TlogProof;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 互认证据: the evidence a recognition decision carries with it. The events that led to it (the
 * organization's registry events, the conflicts that name it, and the recognition's own events, up
 * to its latest), each with its inclusion proof to one published, cosigned checkpoint.
 */
@ApplicationScoped
public class Evidence {
  private static final Set<String> CONFLICT_TYPES =
      Set.of(EventTypes.CONFLICT_OPENED, EventTypes.CONFLICT_UPDATED, EventTypes.CONFLICT_RESOLVED);

  @Inject AuditQueries queries;
  @Inject AuditProofs proofs;
  @Inject ObjectMapper json;

  public RecognitionEvidence of(UUID recognition, CallerInfo caller) {
    AuditViews.EventView latest =
        queries
            .latestOfRecognition(recognition)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no event of recognition " + recognition + " in the log"));
    requireParty(caller, latest.payload());
    List<AuditViews.EventView> events =
        queries.ledTo(latest.subject(), recognition.toString(), CONFLICT_TYPES, latest.leafIndex());
    Checkpointer.Checkpoint checkpoint = proofs.covering(latest.leafIndex());
    List<List<byte[]>> inclusion =
        proofs.inclusionProofs(
            events.stream().map(AuditViews.EventView::leafIndex).toList(), checkpoint.treeSize());
    List<TlogProof> proven = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      AuditViews.EventView e = events.get(i);
      proven.add(
          new TlogProof(entry(e).bytes(), e.leafIndex(), inclusion.get(i), checkpoint.note()));
    }
    return new RecognitionEvidence(recognition, latest.subject(), proven);
  }

  /** The event exactly as its leaf hashed it. */
  private static AuditEntry entry(AuditViews.EventView e) {
    return new AuditEntry(
        e.eventId().toString(),
        e.type(),
        e.source(),
        e.subject(),
        e.time(),
        e.province(),
        e.sequence() == null ? null : e.sequence().toString(),
        e.topic(),
        e.payload());
  }

  /** An auditor sees every recognition; a reader those of which its province is home or host. */
  private void requireParty(CallerInfo caller, String payload) {
    if (caller.hasRole(Roles.AUDITOR)) {
      return;
    }
    String own =
        caller
            .province()
            .map(Enum::name)
            .orElseThrow(() -> ProblemException.forbidden("a reader's token names a province"));
    JsonNode state = read(payload);
    if (!own.equals(state.path("homeProvince").asText())
        && !own.equals(state.path("hostProvince").asText())) {
      throw ProblemException.forbidden(
          "a reader of " + own + " sees the evidence of its own province's recognitions");
    }
  }

  private JsonNode read(String payload) {
    try {
      return json.readTree(payload);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a recognition event that is not JSON", e);
    }
  }
}
