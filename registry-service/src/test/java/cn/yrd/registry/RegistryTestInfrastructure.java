package cn.yrd.registry;

import cn.yrd.local.testing.FederationInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the embedded Kafka and its own PostgreSQL database. */
@WithTestResource(
    value = FederationInfraResource.class,
    initArgs = @ResourceArg(name = FederationInfraResource.DATABASE, value = "registry_sh"),
    scope = TestResourceScope.GLOBAL)
public final class RegistryTestInfrastructure {
  private RegistryTestInfrastructure() {}
}
