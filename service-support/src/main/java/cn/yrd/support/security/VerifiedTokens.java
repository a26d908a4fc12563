package cn.yrd.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this service has verified, keyed by issuer and token, each kept until it expires
 * and for at most {@link #LONGEST_REUSE}, so that a client sending the same token request after
 * request pays for one RSA verification a minute instead of one per request. Only verified tokens
 * are kept: a forged or expired one is refused by the verifier every time it comes.
 */
final class VerifiedTokens {
  /** How long one verification serves at most; bounds how long a token outlives its key. */
  static final Duration LONGEST_REUSE = Duration.ofSeconds(60);

  private record Key(String issuer, String token) {}

  private record Entry(SecurityIdentity identity, long validUntilMillis) {}

  private final int capacity;
  private final LongSupplier clockMillis;
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity, LongSupplier clockMillis) {
    this.capacity = capacity;
    this.clockMillis = clockMillis;
  }

  /**
   * The identity verified for this exact token of this issuer, or null when it must be verified.
   */
  SecurityIdentity find(String issuer, String token) {
    Key key = new Key(issuer, token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clockMillis.getAsLong() >= entry.validUntilMillis()) {
      entries.remove(key, entry);
      return null;
    }
    return entry.identity();
  }

  /** Keeps a just-verified token until its {@code exp} (without clock skew) or the reuse limit. */
  void remember(String issuer, String token, SecurityIdentity identity, long expiresAtSeconds) {
    long now = clockMillis.getAsLong();
    long validUntil = Math.min(expiresAtSeconds * 1000, now + LONGEST_REUSE.toMillis());
    if (validUntil <= now) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.values().removeIf(e -> e.validUntilMillis() <= now);
      if (entries.size() >= capacity) {
        // Full of live tokens: verify this one on every request rather than evict another.
        return;
      }
    }
    entries.put(new Key(issuer, token), new Entry(identity, validUntil));
  }

  int size() {
    return entries.size();
  }
}
