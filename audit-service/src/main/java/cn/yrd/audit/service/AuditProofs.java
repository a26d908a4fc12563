package cn.yrd.audit.service;

import cn.yrd.audit.api.AuditViews;
import cn.yrd.audit.config.AuditConfig;
import cn.yrd.audit.merkle.Checkpoints;
import cn.yrd.audit.merkle.MerkleTree;
import cn.yrd.audit.repository.NodeStore;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.support.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** 证明: inclusion and consistency proofs and the latest checkpoint, as an auditor receives them. */
@ApplicationScoped
public class AuditProofs {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  @Inject Checkpointer checkpointer;
  @Inject SigningKey key;
  @Inject AuditConfig config;
  @Inject AgroalDataSource dataSource;
  @Inject Witnessing witnessing;

  /**
   * The event with its proof up to the latest signed checkpoint; a checkpoint is signed now if the
   * event is newer than the latest one.
   */
  public AuditViews.ProvenEvent proven(AuditViews.EventView event) {
    Checkpointer.Checkpoint checkpoint = covering(event.leafIndex());
    List<String> hashes =
        inclusionProofs(List.of(event.leafIndex()), checkpoint.treeSize()).get(0).stream()
            .map(B64::encodeToString)
            .toList();
    return new AuditViews.ProvenEvent(
        event,
        new AuditViews.InclusionProof(
            event.leafIndex(), checkpoint.treeSize(), hashes, checkpoint.note()));
  }

  /**
   * The latest published checkpoint if it includes the leaf; otherwise one is signed (and
   * witnessed) now. 503 when no published checkpoint includes it yet.
   */
  public Checkpointer.Checkpoint covering(long leafIndex) {
    return checkpointer
        .latest()
        .filter(c -> c.treeSize() > leafIndex)
        .or(checkpointer::issue)
        .filter(c -> c.treeSize() > leafIndex)
        .orElseThrow(() -> notYetWitnessed(leafIndex));
  }

  /** The inclusion proof of each leaf in the tree of {@code treeSize}, read in one transaction. */
  public List<List<byte[]>> inclusionProofs(List<Long> leafIndexes, long treeSize) {
    return NodeStore.with(
        dataSource,
        nodes ->
            nodes.prefetched(
                tree -> {
                  MerkleTree merkle = new MerkleTree(tree);
                  return leafIndexes.stream().map(i -> merkle.inclusionProof(i, treeSize)).toList();
                }));
  }

  /**
   * The latest signed checkpoint (one is signed now if there is none yet, of size 0 for an empty
   * log) and its keys; 503 while no checkpoint has a quorum of cosignatures.
   */
  public AuditViews.CheckpointView latestCheckpoint() {
    Checkpointer.Checkpoint c =
        checkpointer
            .latest()
            .or(checkpointer::issue)
            .orElseThrow(() -> notYetWitnessed("no checkpoint is published yet"));
    byte[] raw = key.rawPublicKey();
    return new AuditViews.CheckpointView(
        c.treeSize(),
        B64.encodeToString(c.rootHash()),
        c.note(),
        config.origin(),
        B64.encodeToString(raw),
        Checkpoints.verifierKey(key.keyName(), raw),
        c.createdAt(),
        cosigners(c.note()),
        witnessing.quorum(),
        checkpointer.lastRound().map(this::unpublished).orElse(null));
  }

  /**
   * The witness policy readers check checkpoints against (C2SP tlog-policy): the log's key, each
   * witness's key, and the quorum.
   */
  public String witnessPolicy() {
    StringBuilder policy =
        new StringBuilder("# Witness policy of ").append(config.origin()).append('\n');
    policy.append("log ").append(key.verifierKey()).append('\n');
    witnessing
        .keys()
        .forEach(
            (name, k) ->
                policy
                    .append("witness ")
                    .append(name)
                    .append(' ')
                    .append(k)
                    .append(' ')
                    .append(witnessing.urls().get(name))
                    .append('\n'));
    if (witnessing.quorum() == 0) {
      return policy.append("quorum none\n").toString();
    }
    policy.append("group provinces ").append(witnessing.quorum());
    witnessing.keys().keySet().forEach(name -> policy.append(' ').append(name));
    return policy.append("\nquorum provinces\n").toString();
  }

  private List<String> cosigners(String note) {
    SignedNote signed = SignedNote.parse(note).orElseThrow();
    return witnessing.keys().entrySet().stream()
        .filter(w -> signed.signedBy(w.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private AuditViews.Unpublished unpublished(Witnessing.Round round) {
    return new AuditViews.Unpublished(
        round.treeSize(),
        List.copyOf(round.cosignatures().keySet()),
        witnessing.quorum(),
        round.refusals());
  }

  /** 503: the event is in the log, but no checkpoint that includes it has a quorum yet. */
  private ProblemException notYetWitnessed(long leafIndex) {
    return notYetWitnessed("no published checkpoint includes leaf " + leafIndex);
  }

  private ProblemException notYetWitnessed(String what) {
    String why =
        checkpointer
            .lastRound()
            .map(
                r ->
                    r.cosignatures().size()
                        + " of the "
                        + witnessing.quorum()
                        + " cosignatures needed; refused by "
                        + r.refusals())
            .orElse("no witnessing round has run yet");
    return ProblemException.of(503, "not-witnessed", "Not yet witnessed", what + ": " + why);
  }

  /**
   * RFC 9162 §2.1.4: the proof that the tree of size {@code second} extends that of {@code first}.
   */
  public AuditViews.ConsistencyProof consistency(long first, long second) {
    return NodeStore.with(
        dataSource,
        nodes -> {
          if (second > nodes.size()) {
            throw ProblemException.field(
                "second", "the log holds only " + nodes.size() + " events");
          }
          return nodes.prefetched(
              source -> {
                MerkleTree tree = new MerkleTree(source);
                return new AuditViews.ConsistencyProof(
                    first,
                    second,
                    B64.encodeToString(tree.root(first)),
                    B64.encodeToString(tree.root(second)),
                    tree.consistencyProof(first, second).stream()
                        .map(B64::encodeToString)
                        .toList());
              });
        });
  }
}
