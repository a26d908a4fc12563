package cn.yrd.recognition.service.sequence;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * How one batch's ce_sequence numbers move a province's tracker, computed without the database:
 * everything up to {@code contiguous} has arrived, and numbers above it wait as pending until the
 * gap before them fills. Events of one province arrive on several partitions, so a batch's numbers
 * come in any order and may fill gaps that earlier batches left.
 */
public final class SequenceAdvance {

  /** Reads the pending numbers above a given one, ascending, at most {@code limit} of them. */
  public interface Pending {
    List<Long> above(long sequence, int limit);
  }

  /**
   * The tracker after the batch.
   *
   * @param pend the batch's numbers that must wait as pending
   * @param deletePendingUpTo pending numbers up to this one have been reached; 0 when none was
   * @param oldGapClosed a gap was open before the batch and everything it waited for has arrived
   */
  public record Outcome(
      long contiguous,
      long highest,
      List<Long> pend,
      long deletePendingUpTo,
      boolean oldGapClosed) {

    public boolean gapAfter() {
      return highest > contiguous;
    }
  }

  private SequenceAdvance() {}

  /**
   * Applies a batch's numbers. Pending numbers exist only while a gap is open, so they are read
   * only then, and only as far as the numbers run on without a hole: a first page of {@code
   * firstPage}, then pages twice as long as the one before (a run usually ends soon after the
   * batch's own numbers, but may go on through many that waited).
   */
  public static Outcome of(
      long contiguous, long highest, Collection<Long> numbers, Pending pending, int firstPage) {
    NavigableSet<Long> fresh = new TreeSet<>();
    for (long n : numbers) {
      if (n > contiguous) {
        fresh.add(n);
      }
    }
    boolean gapBefore = highest > contiguous;
    long newHighest = fresh.isEmpty() ? highest : Math.max(highest, fresh.last());
    long reached = contiguous;
    NavigableSet<Long> waiting = new TreeSet<>();
    boolean allPendingRead = !gapBefore;
    int page = firstPage;
    while (true) {
      long wanted = reached + 1;
      if (fresh.contains(wanted) || waiting.contains(wanted)) {
        reached = wanted;
        continue;
      }
      // A page read earlier that reaches beyond the wanted number shows it is not pending either.
      if (allPendingRead || (!waiting.isEmpty() && waiting.last() > wanted)) {
        break;
      }
      List<Long> next = pending.above(reached, page);
      waiting.addAll(next);
      allPendingRead = next.size() < page;
      page *= 2;
    }
    List<Long> pend = List.copyOf(fresh.tailSet(reached, false));
    long deleteUpTo = gapBefore && reached > contiguous ? reached : 0;
    boolean oldGapClosed = gapBefore && reached >= highest;
    return new Outcome(reached, newHighest, pend, deleteUpTo, oldGapClosed);
  }
}
