package cn.yrd.recognition.service.feed;

import cn.yrd.recognition.repository.OrgRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The JSON the feed and the snapshot send, one object per line. Stored payloads are JSON already
 * and go out as stored, never parsed again.
 */
public final class FeedLines {
  /** What a heartbeat's {@code kind} says. */
  public static final String HEARTBEAT = "HEARTBEAT";

  private static final JsonFactory JSON = new JsonFactory();

  private FeedLines() {}

  /** One province's record of an organization: an ORGANIZATION entry's data, a snapshot line. */
  public static String record(OrgRecord r) {
    return record(r.uscc, r.province, r.version, r.sequence, r.lastEventType, r.updatedAt, r.state);
  }

  static String record(
      String uscc,
      String province,
      long version,
      long sequence,
      String lastEventType,
      OffsetDateTime updatedAt,
      String event) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("uscc", uscc.strip());
          g.writeStringField("province", province);
          g.writeNumberField("version", version);
          g.writeNumberField("sequence", sequence);
          g.writeStringField("lastEventType", lastEventType);
          g.writeStringField("updatedAt", utc(updatedAt));
          g.writeFieldName("event");
          g.writeRawValue(event);
          g.writeEndObject();
        });
  }

  /** An entry as the feed sends it. */
  static String entry(FeedRow row) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeNumberField("position", row.position());
          g.writeStringField("id", row.id().toString());
          g.writeStringField("kind", row.kind());
          g.writeStringField("type", row.eventType());
          if (row.uscc() != null) {
            g.writeStringField("uscc", row.uscc().strip());
          }
          g.writeArrayFieldStart("provinces");
          for (String province : row.provinces().split(",")) {
            if (!province.isEmpty()) {
              g.writeString(province);
            }
          }
          g.writeEndArray();
          g.writeStringField("time", utc(row.recordedAt()));
          g.writeFieldName("data");
          g.writeRawValue(row.payload());
          g.writeEndObject();
        });
  }

  /** A heartbeat: the feed is alive, and has been read up to {@code position}. */
  static String heartbeat(long position, OffsetDateTime now) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeNumberField("position", position);
          g.writeStringField("kind", HEARTBEAT);
          g.writeStringField("time", utc(now));
          g.writeEndObject();
        });
  }

  /** The first line of a snapshot: the feed position it was taken at. */
  static String snapshotHeader(long position, OffsetDateTime takenAt) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeNumberField("position", position);
          g.writeStringField("takenAt", utc(takenAt));
          g.writeEndObject();
        });
  }

  /** As the database keeps it (UTC, microseconds), whether read back or still in memory. */
  private static String utc(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
