package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  @Test
  void isAVersion7UuidOfTheIetfVariant() {
    UUID id = EventIds.next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void carriesTheTimeItWasMadeAt() {
    long before = System.currentTimeMillis();
    UUID id = EventIds.next();
    long after = System.currentTimeMillis();

    assertThat(EventIds.epochMillisOf(id)).isBetween(before, after);
  }

  @Test
  void layoutMatchesTheRfcExample() {
    // RFC 9562, appendix A.6: 2022-02-22T19:22:22Z is 0x017F22E279B0 milliseconds.
    UUID random = UUID.fromString("ffffffff-ffff-4cc3-98c4-dc0c0c07398f");

    UUID id = EventIds.at(0x017F22E279B0L, random);

    assertThat(id).hasToString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnes() {
    UUID earlier = EventIds.at(1_000L, UUID.randomUUID());
    UUID later = EventIds.at(1_001L, UUID.randomUUID());

    // PostgreSQL orders uuid values by their bytes, unsigned: the time prefix decides.
    assertThat(earlier.toString()).isLessThan(later.toString());
  }

  @Test
  void idsMadeInTheSameMillisecondDiffer() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(EventIds.next());
    }

    assertThat(ids).hasSize(100_000);
  }

  @Test
  void refusesTheTimeOfAnotherVersion() {
    UUID random = UUID.randomUUID();

    assertThatThrownBy(() -> EventIds.epochMillisOf(random))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
