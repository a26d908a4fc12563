package cn.yrd.recognition;

import cn.yrd.contracts.CloudEventHeaders;
import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.PersonReference;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.LegalRepresentative;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.registry.OrganizationState;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.contracts.registry.Revocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events exactly the way the four registries do (CloudEvents binary mode, key = USCC,
 * per-province gap-free ce_sequence), so the recognition service is tested against real traffic.
 */
final class Registries implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Map<Province, AtomicLong> SEQUENCES = new EnumMap<>(Province.class);
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 40_000_000L);
  static final byte[] PERSON_KEY = "test-person-key".getBytes(StandardCharsets.UTF_8);

  static {
    for (Province p : Province.values()) {
      SEQUENCES.put(p, new AtomicLong());
    }
  }

  private final KafkaProducer<String, byte[]> producer;

  Registries(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** A fresh person reference, as every registry would compute it from the same ID number. */
  static String person() {
    long n = SERIAL.incrementAndGet();
    return PersonReference.of(
        PERSON_KEY,
        ResidentIdNumber.compose(
            "320583", LocalDate.of(1975, 1, 1).plusDays(n % 9000), (int) (n % 1000)));
  }

  /** A fresh code issued in a division of the province. */
  static String code(Province issuedIn, OrgCategory category) {
    String division =
        switch (issuedIn) {
          case SH -> "310115";
          case JS -> "320583";
          case ZJ -> "330100";
          case AH -> "340100";
        };
    return UsccGenerator.generate(issuedIn, division, category, SERIAL.incrementAndGet()).value();
  }

  /** A mutable organization record of one registry, published one version at a time. */
  static final class Org {
    final String uscc;
    final Province province;
    String name;
    OrgCategory category;
    String personRef;
    OrgStatus status = OrgStatus.ACTIVE;
    Grade grade;
    boolean abnormal;
    boolean serious;
    LocalDate revoked;
    Province transferredFrom;
    long version = -1;

    Org(String uscc, Province province, String name, OrgCategory category, String personRef) {
      this.uscc = uscc;
      this.province = province;
      this.name = name;
      this.category = category;
      this.personRef = personRef;
    }

    /** A change that alters nothing the conflict rules read. */
    void businessScopeTouch() {}

    OrganizationState next() {
      version++;
      return new OrganizationState(
          uscc,
          name,
          category,
          province,
          new LegalRepresentative("张伟", personRef),
          "住所",
          "业务范围",
          new BigDecimal("100000"),
          null,
          province.chineseName() + "民政厅",
          LocalDate.of(2019, 5, 20),
          status,
          grade,
          abnormal,
          serious,
          status == OrgStatus.DEREGISTERED ? LocalDate.of(2026, 1, 1) : null,
          revoked == null ? null : new Revocation(revoked, "严重违法", "罚〔2026〕1号"),
          transferredFrom,
          version);
    }
  }

  static Org org(Province province, OrgCategory category, String name) {
    return new Org(code(province, category), province, name, category, person());
  }

  /** Another province's record of the same code, under its own name and representative. */
  static Org sameCodeIn(Org original, Province province, String name) {
    return new Org(original.uscc, province, name, original.category, person());
  }

  /** Publishes the org's next version as an event of {@code type}; returns its ce_id. */
  UUID publish(Org org, String type) {
    return publish(org, type, Change.simple(LocalDate.of(2026, 1, 1), null, "test"));
  }

  UUID publish(Org org, String type, Change change) {
    return send(
        org.province,
        type,
        org.uscc,
        new RegistryEvent(org.next(), change),
        SEQUENCES.get(org.province).incrementAndGet(),
        UUID.randomUUID());
  }

  /** The last sequence number given out for a province. */
  static long current(Province province) {
    return SEQUENCES.get(province).get();
  }

  /** Takes the next sequence number of a province without publishing it: a gap. */
  static long skip(Province province) {
    return SEQUENCES.get(province).incrementAndGet();
  }

  /** Publishes with an explicit sequence number and event id (replays, gap fills). */
  UUID send(
      Province province, String type, String uscc, RegistryEvent event, long sequence, UUID id) {
    try {
      producer.send(record(province, type, uscc, event, sequence, id)).get();
      return id;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The org's next version as the record a registry would send, without sending it. */
  static ProducerRecord<String, byte[]> unsent(Org org, String type, Change change) {
    return record(
        org.province,
        type,
        org.uscc,
        new RegistryEvent(org.next(), change),
        SEQUENCES.get(org.province).incrementAndGet(),
        UUID.randomUUID());
  }

  private static ProducerRecord<String, byte[]> record(
      Province province, String type, String uscc, RegistryEvent event, long sequence, UUID id) {
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(EventTypes.topicOf(type), uscc, JSON.writeValueAsBytes(event));
      header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
      header(record, CloudEventHeaders.ID, id.toString());
      header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.registrySource(province));
      header(record, CloudEventHeaders.TYPE, type);
      header(record, CloudEventHeaders.SUBJECT, uscc);
      header(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
      header(record, CloudEventHeaders.PROVINCE, province.name());
      header(record, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
      header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
      return record;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two registrations whose names collide. */
  record Collision(Org sh, Org zj) {}

  /**
   * Registers social groups of one name in Shanghai and Zhejiang, which collide, and waits until
   * recognition has applied both.
   */
  Collision collideNames(String name) {
    Org sh = org(Province.SH, OrgCategory.SOCIAL_GROUP, name);
    Org zj = org(Province.ZJ, OrgCategory.SOCIAL_GROUP, name);
    Await.applied(publish(sh, EventTypes.REGISTERED), publish(zj, EventTypes.REGISTERED));
    return new Collision(sh, zj);
  }

  /** Sends raw bytes with whatever headers, for poison-record tests. */
  void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((k, v) -> header(record, k, v));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
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
