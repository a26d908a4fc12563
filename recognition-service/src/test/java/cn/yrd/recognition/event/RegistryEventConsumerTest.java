package cn.yrd.recognition.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryEventConsumerTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void startsAsManyConsumersAsConfigured(int configured) {
    assertEquals(configured, RegistryEventConsumer.consumerCount(configured));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void refusesFewerThanOneConsumerThread(int configured) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> RegistryEventConsumer.consumerCount(configured));
    assertTrue(refused.getMessage().contains("yrd.recognition.consumer-threads"));
  }
}
