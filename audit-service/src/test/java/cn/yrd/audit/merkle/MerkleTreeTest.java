package cn.yrd.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.tlog.ConsistencyProof;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The RFC 6962 reference inputs (Certificate Transparency / transparency-dev/merkle). */
  private static final List<byte[]> INPUTS =
      List.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .stream()
          .map(HEX::parseHex)
          .toList();

  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  private static MerkleTree tree(List<byte[]> leaves) {
    return new MerkleTree(InMemoryNodes.of(leaves));
  }

  private static List<byte[]> referenceLeaves() {
    return INPUTS.stream().map(Hashes::leaf).toList();
  }

  @Test
  void rootsMatchTheReferenceVectorsForZeroToEightLeaves() {
    List<byte[]> leaves = referenceLeaves();
    for (int size = 0; size <= 8; size++) {
      assertThat(HEX.formatHex(tree(leaves.subList(0, size)).root(size)))
          .as("size " + size)
          .isEqualTo(ROOTS[size]);
    }
  }

  @ParameterizedTest(name = "inclusion of leaf {0} in {1}")
  @CsvSource({
    "0, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    "5, 8, bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  })
  void inclusionProofsMatchTheReferenceVectors(int index, int size, String expected) {
    List<byte[]> proof = tree(referenceLeaves()).inclusionProof(index, size);
    assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "consistency {0} → {1}")
  @CsvSource({
    "2, 8, 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    "6, 8, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  })
  void consistencyProofsMatchTheReferenceVectors(int first, int second, String expected) {
    List<byte[]> proof = tree(referenceLeaves()).consistencyProof(first, second);
    assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(expected.split(" "));
  }

  @Test
  void everyProofOfEveryTreeUpTo64VerifiesIndependentlyAndAFlippedBitFails() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      leaves.add(Hashes.leaf(new byte[] {(byte) i, (byte) (i * 7)}));
    }
    MerkleTree all = tree(leaves);
    int checked = 0;
    for (int size = 1; size <= 64; size++) {
      byte[] root = all.root(size);
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = all.inclusionProof(index, size);
        assertThat(Rfc9162Verifier.verifyInclusion(index, size, leaves.get(index), proof, root))
            .as(index + "/" + size)
            .isTrue();
        if (!proof.isEmpty()) {
          List<byte[]> flipped = new ArrayList<>(proof);
          byte[] bad = flipped.get(0).clone();
          bad[5] ^= 0x01;
          flipped.set(0, bad);
          assertThat(Rfc9162Verifier.verifyInclusion(index, size, leaves.get(index), flipped, root))
              .isFalse();
        }
        checked++;
      }
      for (int first = 1; first <= size; first++) {
        List<byte[]> proof = all.consistencyProof(first, size);
        assertThat(ConsistencyProof.verify(first, size, all.root(first), root, proof))
            .as(first + "→" + size)
            .isTrue();
        if (!proof.isEmpty()) {
          List<byte[]> flipped = new ArrayList<>(proof);
          byte[] bad = flipped.get(proof.size() - 1).clone();
          bad[0] ^= (byte) 0x80;
          flipped.set(proof.size() - 1, bad);
          assertThat(ConsistencyProof.verify(first, size, all.root(first), root, flipped))
              .isFalse();
        }
      }
    }
    assertThat(checked).isEqualTo(64 * 65 / 2);
  }

  @Test
  void aSignedCheckpointVerifiesAndATamperedOneDoesNot() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] raw = Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44);
    String note =
        Checkpoints.sign(
            Checkpoints.body("yrd.example/audit", 8, HEX.parseHex(ROOTS[8])),
            "yrd.example/audit",
            pair.getPrivate(),
            raw);

    assertThat(note).startsWith("yrd.example/audit\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqt");
    assertThat(note).contains("\n\n\u2014 yrd.example/audit ");
    assertThat(Checkpoints.verify(note, "yrd.example/audit", pair.getPublic(), raw)).isTrue();
    assertThat(
            Checkpoints.verify(
                note.replace("\n8\n", "\n9\n"), "yrd.example/audit", pair.getPublic(), raw))
        .isFalse();
  }
}
