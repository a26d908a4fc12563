package cn.yrd.audit.service;

import cn.yrd.audit.api.AuditViews;
import cn.yrd.audit.config.AuditConfig;
import cn.yrd.audit.merkle.Checkpoints;
import cn.yrd.audit.merkle.MerkleTree;
import cn.yrd.audit.repository.NodeStore;
import cn.yrd.support.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;

/** 证明: inclusion and consistency proofs and the latest checkpoint, as an auditor receives them. */
@ApplicationScoped
public class AuditProofs {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  @Inject Checkpointer checkpointer;
  @Inject SigningKey key;
  @Inject AuditConfig config;
  @Inject AgroalDataSource dataSource;

  /**
   * The event with its proof up to the latest signed checkpoint; a checkpoint is signed now if the
   * event is newer than the latest one.
   */
  public AuditViews.ProvenEvent proven(AuditViews.EventView event) {
    Checkpointer.Checkpoint checkpoint =
        checkpointer
            .latest()
            .filter(c -> c.treeSize() > event.leafIndex())
            .or(checkpointer::issue)
            .orElseThrow();
    List<String> hashes =
        NodeStore.with(
                dataSource,
                nodes ->
                    nodes.prefetched(
                        tree ->
                            new MerkleTree(tree)
                                .inclusionProof(event.leafIndex(), checkpoint.treeSize())))
            .stream()
            .map(B64::encodeToString)
            .toList();
    return new AuditViews.ProvenEvent(
        event,
        new AuditViews.InclusionProof(
            event.leafIndex(), checkpoint.treeSize(), hashes, checkpoint.note()));
  }

  /** The latest signed checkpoint (one is signed now if there is none yet) and its keys. */
  public AuditViews.CheckpointView latestCheckpoint() {
    Checkpointer.Checkpoint c =
        checkpointer
            .latest()
            .or(checkpointer::issue)
            .orElseThrow(() -> ProblemException.notFound("the log is empty"));
    byte[] raw = key.rawPublicKey();
    return new AuditViews.CheckpointView(
        c.treeSize(),
        B64.encodeToString(c.rootHash()),
        c.note(),
        config.origin(),
        B64.encodeToString(raw),
        Checkpoints.verifierKey(key.keyName(), raw),
        c.createdAt());
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
