package cn.yrd.recognition;

import static cn.yrd.recognition.Await.applied;
import static cn.yrd.recognition.Await.openTypes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.recognition.ConflictStatus;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.recognition.repository.Conflict;
import cn.yrd.recognition.repository.OrgRecord;
import cn.yrd.recognition.service.conflict.ScopeEvaluator;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.junit.jupiter.api.Test;

/** How a scope is evaluated inside a transaction that changed what it reads. */
@QuarkusTest
class ScopeEvaluationTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject ScopeEvaluator scopes;
  @Inject UserTransaction transaction;

  @Test
  void aScopeIsEvaluatedAgainstTheTransactionsOwnChangesNotYetFlushed() throws Exception {
    Registries.Org home =
        Registries.org(Province.SH, OrgCategory.SOCIAL_GROUP, "上海市未刷新" + UUID.randomUUID());
    Registries.Org copy = Registries.sameCodeIn(home, Province.ZJ, "浙江省未刷新" + UUID.randomUUID());
    try (Registries registries = new Registries(bootstrapServers)) {
      applied(
          registries.publish(home, EventTypes.REGISTERED),
          registries.publish(copy, EventTypes.REGISTERED));
    }
    assertThat(openTypes(home.uscc)).contains("DUPLICATE_REGISTRATION");

    // Rolled back at the end, so the shared view stays as the registries published it.
    transaction.begin();
    try {
      // As in the consumer's transactions, where no query flushes the session by itself.
      Panache.getSession().setHibernateFlushMode(FlushMode.COMMIT);
      OrgRecord zj = OrgRecord.findById(new OrgRecord.Key(home.uscc, "ZJ"));
      zj.status = OrgStatus.DEREGISTERED.name();
      scopes.organization(Uscc.parse(home.uscc));
      Conflict duplicate =
          Conflict.find("conditionKey", "DUPLICATE_REGISTRATION:" + home.uscc).firstResult();
      assertThat(duplicate.status).isEqualTo(ConflictStatus.RESOLVED);
    } finally {
      transaction.rollback();
    }
  }
}
