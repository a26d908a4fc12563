package cn.yrd.support.kafka;

import cn.yrd.contracts.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates {@link Topics#DEAD_LETTER} (with the broker's default partitions and replication) when a
 * consumer starts, so that operators and the AsyncAPI document find it on the broker before the
 * first record is ever dead-lettered, and so that a broker without topic auto-creation takes it.
 */
final class DeadLetterTopic {
  private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

  private DeadLetterTopic() {}

  static void ensure(Map<String, Object> kafkaConfig) {
    Map<String, Object> config = new HashMap<>();
    // Only where the broker is and how to reach it: the consumers' other settings are not the
    // admin client's.
    kafkaConfig.forEach(
        (key, value) -> {
          if (key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
              || key.startsWith("security.")
              || key.startsWith("sasl.")
              || key.startsWith("ssl.")) {
            config.put(key, String.valueOf(value));
          }
        });
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(config)) {
      admin
          .createTopics(
              List.of(new NewTopic(Topics.DEAD_LETTER, Optional.empty(), Optional.empty())))
          .all()
          .get(10, TimeUnit.SECONDS);
      LOG.infof("created the dead-letter topic %s", Topics.DEAD_LETTER);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warnf(
            "could not create %s (the first dead letter will): %s",
            Topics.DEAD_LETTER, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warnf(
          "could not create %s (the first dead letter will): %s",
          Topics.DEAD_LETTER, e.getCause() == null ? e : e.getCause());
    }
  }
}
