package cn.yrd.local;

import java.util.Locale;

/** Where the federation's Kafka and PostgreSQL come from; chosen by {@code YRD_INFRA}. */
public enum InfraMode {
  /** A real Kafka broker and a real PostgreSQL started inside this JVM (the default). */
  EMBEDDED,
  /** Servers that already run: {@code KAFKA_BOOTSTRAP_SERVERS} and {@code YRD_JDBC_URL}. */
  EXTERNAL,
  /** Testcontainers {@code postgres} and {@code apache/kafka} images; needs a Docker engine. */
  CONTAINERS;

  public static InfraMode parse(String value) {
    if (value == null || value.isBlank()) {
      return EMBEDDED;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "YRD_INFRA must be embedded, external or containers, got '" + value + "'", e);
    }
  }
}
