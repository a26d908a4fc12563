package cn.yrd.recognition.service;

import cn.yrd.contracts.Province;
import cn.yrd.recognition.repository.SequenceTracker;
import cn.yrd.support.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Follows each province's ce_sequence: numbers up to {@code contiguous} all arrived; later ones
 * wait in {@code sequence_pending} until the gap before them fills.
 */
@ApplicationScoped
public class SequenceTracking {

  /** Whether a gap was open before this number arrived, and whether one is open after. */
  public record Gap(boolean before, boolean after) {
    public boolean closed() {
      return before && !after;
    }
  }

  /** Records one number. */
  public Gap record(Province province, long sequence) {
    SequenceTracker t = tracker(province);
    t.lastEventAt = BusinessTime.now();
    boolean before = t.highest > t.contiguous;
    if (sequence <= t.contiguous) {
      return new Gap(before, before);
    }
    t.highest = Math.max(t.highest, sequence);
    if (sequence == t.contiguous + 1) {
      t.contiguous = sequence;
      // Numbers wait in sequence_pending only while a gap is open.
      while (before && deletePending(province, t.contiguous + 1)) {
        t.contiguous++;
      }
    } else {
      Panache.getEntityManager()
          .createNativeQuery(
              "INSERT INTO sequence_pending (province, sequence) VALUES (:p, :s) ON CONFLICT DO NOTHING")
          .setParameter("p", province.name())
          .setParameter("s", sequence)
          .executeUpdate();
    }
    boolean gap = t.highest > t.contiguous;
    if (!gap) {
      t.gapSince = null;
    } else if (t.gapSince == null) {
      t.gapSince = BusinessTime.now();
    }
    return new Gap(before, gap);
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

  private static boolean deletePending(Province province, long sequence) {
    return Panache.getEntityManager()
            .createNativeQuery("DELETE FROM sequence_pending WHERE province = :p AND sequence = :s")
            .setParameter("p", province.name())
            .setParameter("s", sequence)
            .executeUpdate()
        > 0;
  }
}
