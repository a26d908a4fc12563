package cn.yrd.recognition.service.feed;

import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.support.time.BusinessTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * 保留期: removes the feed's entries older than the retention, always a prefix of the positions, and
 * records how far it removed, so that a position before it gets 410 and the snapshot instead.
 */
@ApplicationScoped
public class FeedRetention {
  @Inject AgroalDataSource dataSource;
  @Inject RecognitionConfig config;

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pruneOnSchedule() throws SQLException {
    prune(BusinessTime.now().minus(config.feed().retention()));
  }

  /** Removes every entry up to the newest one recorded before {@code cutoff}; returns how many. */
  public int prune(OffsetDateTime cutoff) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement horizon =
              c.prepareStatement(
                  "UPDATE feed_horizon SET pruned_through = greatest(pruned_through, (SELECT"
                      + " max(position) FROM feed_entry WHERE position IS NOT NULL AND recorded_at"
                      + " < ?)) WHERE EXISTS (SELECT 1 FROM feed_entry WHERE position IS NOT NULL"
                      + " AND recorded_at < ?)");
          PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM feed_entry WHERE position <= (SELECT pruned_through FROM"
                      + " feed_horizon)")) {
        horizon.setObject(1, cutoff);
        horizon.setObject(2, cutoff);
        horizon.executeUpdate();
        int removed = delete.executeUpdate();
        c.commit();
        return removed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
