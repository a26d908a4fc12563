package cn.yrd.contracts;

import java.util.UUID;

/**
 * New event ids ({@code ce_id}): time-ordered UUIDs, version 7 of RFC 9562. The first 48 bits are
 * the Unix time in milliseconds; the other 74 free bits are random (a version-4 UUID has 122).
 * Every table that indexes event ids (outbox, history, processed events, audit log) then inserts
 * near the right edge of its index, as it does for a serial key, instead of at a random leaf of an
 * index that outgrows the caches.
 */
public final class EventIds {
  private static final long VERSION_7 = 0x7000L;

  private EventIds() {}

  /** A new, unique event id for the current time. */
  public static UUID next() {
    return at(System.currentTimeMillis(), UUID.randomUUID());
  }

  /**
   * The version-7 id for the time {@code epochMillis}, its other bits taken from {@code random}.
   */
  static UUID at(long epochMillis, UUID random) {
    long randA = random.getMostSignificantBits() & 0x0FFFL;
    // The low half keeps the random UUID's variant bits (10, RFC 9562) and its 62 random bits.
    return new UUID((epochMillis << 16) | VERSION_7 | randA, random.getLeastSignificantBits());
  }

  /** The time, in Unix milliseconds, at which a version-7 id was made. */
  public static long epochMillisOf(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a version-7 UUID: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
