package cn.yrd.conformance;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a {@code registered} event exactly as a registry would (CloudEvents binary mode, key =
 * USCC), for the rules that only a misbehaving registry can trigger: a foreign code held without a
 * transfer (R-CONFLICT-02), a gap in a province's sequence (R-CONFLICT-09).
 */
final class RegistryImpersonator implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  RegistryImpersonator(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  void registered(
      Province registry,
      String uscc,
      OrgCategory category,
      String name,
      LocalDate day,
      long sequence) {
    Map<String, Object> organization = new LinkedHashMap<>();
    organization.put("uscc", uscc);
    organization.put("name", name);
    organization.put("category", category.name());
    organization.put("province", registry.name());
    byte[] person = new byte[32];
    ThreadLocalRandom.current().nextBytes(person);
    organization.put(
        "legalRepresentative",
        Map.of("name", "合规代表", "personRef", HexFormat.of().formatHex(person)));
    organization.put("domicile", "合规路1号");
    organization.put("businessScope", "合规测试");
    organization.put("registeredFunds", 100000);
    organization.put("registrationAuthority", registry.chineseName() + "民政厅");
    organization.put("establishmentDate", day.minusYears(5).toString());
    organization.put("status", "ACTIVE");
    organization.put("abnormalListed", false);
    organization.put("seriousListed", false);
    organization.put("version", 0);
    Map<String, Object> change = Map.of("date", day.toString(), "reason", "合规测试");
    try {
      byte[] payload =
          Api.JSON.writeValueAsBytes(Map.of("organization", organization, "change", change));
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.REGISTRATION, uscc, payload);
      header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
      header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
      header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.registrySource(registry));
      header(record, CloudEventHeaders.TYPE, EventTypes.REGISTERED);
      header(record, CloudEventHeaders.SUBJECT, uscc);
      header(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
      header(record, CloudEventHeaders.PROVINCE, registry.name());
      header(record, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
      header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish as registry " + registry, e);
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
