package cn.yrd.recognition;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that publishes events the way the registries do: a producer per test, closed after it. */
abstract class PublishingTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  Registries registries;

  @BeforeEach
  void connect() {
    registries = new Registries(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    registries.close();
  }
}
