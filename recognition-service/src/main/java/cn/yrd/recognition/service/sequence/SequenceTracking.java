package cn.yrd.recognition.service.sequence;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Follows each province's ce_sequence: numbers up to {@code contiguous} all arrived; later ones
 * wait in {@code sequence_pending} until the gap before them fills ({@link SequenceAdvance}).
 */
@ApplicationScoped
public class SequenceTracking {
  private static final int PENDING_FIRST_PAGE = 64;

  /**
   * Records a batch's numbers by province and returns the provinces whose open gap closed. Each
   * tracker row stays locked until the transaction ends; they are locked in province order, late in
   * the transaction, so consumers on other partitions neither deadlock nor wait long.
   */
  public Set<Province> record(EnumMap<Province, List<Long>> numbersByProvince) {
    Set<Province> closed = EnumSet.noneOf(Province.class);
    for (Province province : numbersByProvince.keySet()) {
      SequenceTracker t = tracker(province);
      SequenceAdvance.Outcome outcome =
          SequenceAdvance.of(
              t.contiguous,
              t.highest,
              numbersByProvince.get(province),
              (above, limit) -> pendingAbove(province, above, limit),
              PENDING_FIRST_PAGE);
      store(province, t, outcome, BusinessTime.now());
      if (outcome.oldGapClosed()) {
        closed.add(province);
      }
    }
    return closed;
  }

  private static void store(
      Province province, SequenceTracker t, SequenceAdvance.Outcome outcome, OffsetDateTime now) {
    if (outcome.deletePendingUpTo() > 0) {
      // Bounded below by the old contiguous number, under which nothing is pending: an open range
      // made the index scan (or a sequential scan) walk every row deleted since the last vacuum.
      Panache.getEntityManager()
          .createNativeQuery(
              "DELETE FROM sequence_pending"
                  + " WHERE province = :p AND sequence > :from AND sequence <= :s")
          .setParameter("p", province.name())
          .setParameter("from", t.contiguous)
          .setParameter("s", outcome.deletePendingUpTo())
          .executeUpdate();
    }
    if (!outcome.pend().isEmpty()) {
      Panache.getEntityManager()
          .createNativeQuery(
              "INSERT INTO sequence_pending (province, sequence)"
                  + " SELECT :p, s FROM unnest(cast(:s AS bigint[])) AS s ON CONFLICT DO NOTHING")
          .setParameter("p", province.name())
          .setParameter("s", outcome.pend().toArray(Long[]::new))
          .executeUpdate();
    }
    t.lastEventAt = now;
    t.contiguous = outcome.contiguous();
    t.highest = outcome.highest();
    if (!outcome.gapAfter()) {
      t.gapSince = null;
    } else if (t.gapSince == null || outcome.oldGapClosed()) {
      t.gapSince = now;
    }
  }

  // No result class: Hibernate would cache a new plan under the same hash for every call.
  private static List<Long> pendingAbove(Province province, long above, int limit) {
    List<?> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT sequence FROM sequence_pending WHERE province = :p AND sequence > :s"
                    + " ORDER BY sequence LIMIT :n")
            .setParameter("p", province.name())
            .setParameter("s", above)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /** The province's tracker, locked; read once per transaction, then from the session. */
  private static SequenceTracker tracker(Province province) {
    SequenceTracker t = SequenceTracker.findById(province.name(), LockModeType.PESSIMISTIC_WRITE);
    if (t != null) {
      return t;
    }
    Panache.getEntityManager()
        .createNativeQuery(
            "INSERT INTO sequence_tracker (province) VALUES (:p) ON CONFLICT DO NOTHING")
        .setParameter("p", province.name())
        .executeUpdate();
    return SequenceTracker.findById(province.name(), LockModeType.PESSIMISTIC_WRITE);
  }
}
