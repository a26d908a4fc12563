package cn.yrd.recognition.service.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceAdvanceTest {

  /** A pending table in memory that counts how often it is read. */
  private static final class PendingTable implements SequenceAdvance.Pending {
    final TreeSet<Long> rows = new TreeSet<>();
    int reads;

    PendingTable(long... numbers) {
      Arrays.stream(numbers).forEach(rows::add);
    }

    @Override
    public List<Long> above(long sequence, int limit) {
      reads++;
      return rows.tailSet(sequence, false).stream().limit(limit).toList();
    }
  }

  private static List<Long> numbers(String spaced) {
    return spaced.isBlank()
        ? List.of()
        : Arrays.stream(spaced.trim().split(" ")).map(Long::valueOf).toList();
  }

  @ParameterizedTest(name = "[{0},{1}] pending [{2}] + batch [{3}] → contiguous {4}, highest {5}")
  @CsvSource({
    // contiguous, highest, pending, batch, → contiguous, highest, pend, delete up to, closed
    "0, 0, '',      '1 2 3',     3, 3, '',    0, false", // in order
    "0, 0, '',      '3 1 2',     3, 3, '',    0, false", // out of order within the batch
    "0, 0, '',      '1 2 5 4',   2, 5, '4 5', 0, false", // a gap opens: 3 is missing
    "2, 5, '4 5',   '3',         5, 5, '',    5, true", // the gap fills from pending
    "2, 5, '4 5',   '3 7',       5, 7, '7',   5, true", // old gap closes, a new one opens
    "2, 9, '5 9',   '3 4 6',     6, 9, '',    6, false", // partly filled: 7 and 8 still missing
    "2, 5, '4 5',   '6',         2, 6, '6',   0, false", // nothing fills the gap
    "3, 3, '',      '1 2 3',     3, 3, '',    0, false", // replays below contiguous change nothing
    "0, 0, '',      '1 1 2 2',   2, 2, '',    0, false", // a number twice in one batch
    "2, 5, '4 5',   '',          2, 5, '',    0, false" // an empty batch
  })
  void advancesThroughWhatArrivedAndKeepsTheRestPending(
      long contiguous,
      long highest,
      String pending,
      String batch,
      long expectedContiguous,
      long expectedHighest,
      String expectedPend,
      long expectedDeleteUpTo,
      boolean expectedClosed) {
    PendingTable table = new PendingTable(numbers(pending).stream().mapToLong(l -> l).toArray());
    SequenceAdvance.Outcome outcome =
        SequenceAdvance.of(contiguous, highest, numbers(batch), table, 100);
    assertEquals(expectedContiguous, outcome.contiguous(), "contiguous");
    assertEquals(expectedHighest, outcome.highest(), "highest");
    assertEquals(numbers(expectedPend), outcome.pend(), "pend");
    assertEquals(expectedDeleteUpTo, outcome.deletePendingUpTo(), "delete pending up to");
    assertEquals(expectedClosed, outcome.oldGapClosed(), "old gap closed");
  }

  @Test
  void readsNoPendingNumbersWhenNoGapWasOpen() {
    PendingTable table = new PendingTable();
    SequenceAdvance.of(10, 10, numbers("11 13"), table, 100);
    assertEquals(0, table.reads);
  }

  @Test
  void readsPendingNumbersInGrowingPagesAsFarAsTheyRunOn() {
    PendingTable table = new PendingTable(LongStream.rangeClosed(2, 400).toArray());
    table.rows.add(500L);
    SequenceAdvance.Outcome outcome = SequenceAdvance.of(0, 500, numbers("1"), table, 50);
    assertEquals(400, outcome.contiguous());
    assertEquals(400, outcome.deletePendingUpTo());
    assertTrue(outcome.gapAfter());
    assertFalse(outcome.oldGapClosed());
    assertEquals(4, table.reads, "pages of 50, 100, 200 and 400 over 400 pending numbers");
  }

  @Test
  void readsOnePageWhenTheRunEndsInIt() {
    PendingTable table = new PendingTable(3, 4, 6, 7, 8, 9, 10, 11, 12);
    SequenceAdvance.Outcome outcome = SequenceAdvance.of(1, 12, numbers("2"), table, 4);
    assertEquals(4, outcome.contiguous());
    assertEquals(1, table.reads);
  }

  @Test
  void twoPartitionsInterleavedEndWithNoGapOnceBothHaveArrived() {
    // One province's numbers, split between two partitions consumed in separate batches.
    List<Long> even = new ArrayList<>();
    List<Long> odd = new ArrayList<>();
    LongStream.rangeClosed(1, 1_000).forEach(n -> (n % 2 == 0 ? even : odd).add(n));
    PendingTable table = new PendingTable();
    SequenceAdvance.Outcome first = SequenceAdvance.of(0, 0, even, table, 100);
    assertEquals(0, first.contiguous());
    assertTrue(first.gapAfter());
    table.rows.addAll(first.pend());
    SequenceAdvance.Outcome second =
        SequenceAdvance.of(first.contiguous(), first.highest(), odd, table, 100);
    assertEquals(1_000, second.contiguous());
    assertFalse(second.gapAfter());
    assertTrue(second.oldGapClosed());
    assertEquals(1_000, second.deletePendingUpTo());
    assertEquals(List.of(), second.pend());
  }
}
