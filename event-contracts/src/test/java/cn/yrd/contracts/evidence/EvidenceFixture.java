package cn.yrd.contracts.evidence;

import cn.yrd.contracts.tlog.AuditEntry;
import cn.yrd.contracts.tlog.InclusionProof;
import cn.yrd.contracts.tlog.MerkleFixture;
import cn.yrd.contracts.tlog.SignedNote;
import cn.yrd.contracts.tlog.TlogProof;
import cn.yrd.contracts.tlog.VerifierKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small log signed and cosigned here: two organizations' registry events, a conflict naming both,
 * and two recognitions of the first, as the audit service would hold them.
 */
final class EvidenceFixture {
  static final String ORIGIN = "yrd.test/log";
  static final String ORG = "51310000MJ0000001T";
  static final String OTHER_ORG = "51320000MJ0000002F";
  static final UUID RECOGNITION = UUID.fromString("0b6c2f4e-1f0a-4d7e-9a44-5d2c7e1f3a10");
  static final UUID OTHER_RECOGNITION = UUID.fromString("7d0e9b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b");
  static final List<String> PROVINCES = List.of("SH", "JS", "ZJ", "AH");

  final KeyPair log = generate();
  final VerifierKey logKey = new VerifierKey(ORIGIN, VerifierKey.ED25519, raw(log));
  final Map<String, KeyPair> witnessPairs = new LinkedHashMap<>();
  final Map<String, VerifierKey> witnessKeys = new LinkedHashMap<>();
  final List<AuditEntry> entries = new ArrayList<>();

  EvidenceFixture() {
    for (String province : PROVINCES) {
      KeyPair pair = generate();
      witnessPairs.put(province, pair);
      witnessKeys.put(
          province,
          new VerifierKey("yrd.test/witness/" + province, VerifierKey.COSIGNATURE_V1, raw(pair)));
    }
    entries.add(registry(ORG, "SH", "cn.yrd.registration.registered.v1", 1));
    entries.add(registry(OTHER_ORG, "JS", "cn.yrd.registration.registered.v1", 1));
    entries.add(registry(ORG, "SH", "cn.yrd.supervision.annual-inspection-recorded.v1", 2));
    entries.add(
        recognitionTopic(
            OTHER_ORG,
            "cn.yrd.recognition.conflict-opened.v1",
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"usccs\":[\""
                + OTHER_ORG
                + "\",\""
                + ORG
                + "\"]}"));
    entries.add(recognition(RECOGNITION, "cn.yrd.recognition.requested.v1", "PENDING_REVIEW"));
    entries.add(recognition(OTHER_RECOGNITION, "cn.yrd.recognition.requested.v1", "GRANTED"));
    entries.add(recognition(RECOGNITION, "cn.yrd.recognition.granted.v1", "GRANTED"));
  }

  /** The leaves of recognition's evidence: the organization's events up to its decision. */
  static final List<Integer> EVIDENCE = List.of(0, 2, 3, 4, 6);

  /** The served policy: the log, the four witnesses, and a quorum of {@code quorum}. */
  String policy(int quorum) {
    StringBuilder text =
        new StringBuilder("# Witness policy of " + ORIGIN + "\nlog " + logKey + "\n");
    witnessKeys.forEach(
        (p, k) -> text.append("witness ").append(k.name()).append(' ').append(k).append('\n'));
    text.append("group provinces ").append(quorum);
    witnessKeys.values().forEach(k -> text.append(' ').append(k.name()));
    return text.append("\nquorum provinces\n").toString();
  }

  /** The evidence for {@code indices}, to a checkpoint of the whole log cosigned by {@code by}. */
  RecognitionEvidence evidence(UUID recognition, List<Integer> indices, List<String> by) {
    List<byte[]> leaves = entries.stream().map(e -> InclusionProof.leafHash(e.bytes())).toList();
    int size = leaves.size();
    String body =
        ORIGIN
            + "\n"
            + size
            + "\n"
            + Base64.getEncoder().encodeToString(MerkleFixture.root(leaves, 0, size))
            + "\n";
    SignedNote note =
        new SignedNote(body, List.of(SignedNote.sign(body, logKey, log.getPrivate())));
    List<String> cosignatures = new ArrayList<>();
    for (String province : by) {
      cosignatures.add(
          note.cosign(
              witnessKeys.get(province), witnessPairs.get(province).getPrivate(), 1_790_000_000L));
    }
    String checkpoint = note.with(cosignatures).text();
    List<TlogProof> proofs = new ArrayList<>();
    for (int i : indices) {
      proofs.add(
          new TlogProof(
              entries.get(i).bytes(), i, MerkleFixture.path(i, leaves, 0, size), checkpoint));
    }
    return new RecognitionEvidence(recognition, ORG, proofs);
  }

  RecognitionEvidence evidence() {
    return evidence(RECOGNITION, EVIDENCE, List.of("SH", "JS", "ZJ", "AH"));
  }

  private static AuditEntry registry(String uscc, String province, String type, long sequence) {
    String topic =
        type.startsWith("cn.yrd.registration.") ? "yrd.registration.v1" : "yrd.supervision.v1";
    return new AuditEntry(
        UUID.randomUUID().toString(),
        type,
        "/registry/" + province,
        uscc,
        "2026-12-06T10:00:20.909190Z",
        province,
        Long.toString(sequence),
        topic,
        "{\"uscc\":\"" + uscc + "\",\"name\":\"上海市测试协会\"}");
  }

  private static AuditEntry recognition(UUID id, String type, String status) {
    return recognitionTopic(
        ORG,
        type,
        "{\"id\":\"" + id + "\",\"uscc\":\"" + ORG + "\",\"status\":\"" + status + "\"}");
  }

  private static AuditEntry recognitionTopic(String subject, String type, String payload) {
    return new AuditEntry(
        UUID.randomUUID().toString(),
        type,
        "/recognition",
        subject,
        "2026-12-06T10:00:21Z",
        "",
        "",
        "yrd.recognition.v1",
        payload);
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] raw(KeyPair pair) {
    return VerifierKey.raw(pair.getPublic());
  }
}
