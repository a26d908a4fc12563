package cn.yrd.support.security;

import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this service has verified, each kept until it expires and for at most {@link
 * #LONGEST_REUSE}, so that a client sending the same token request after request pays for one RSA
 * verification a minute instead of one per request. Only verified tokens are kept: a forged or
 * expired one is refused by the verifier every time it comes.
 */
final class VerifiedTokens {
  /** How long one verification serves at most; bounds how long a token outlives a key change. */
  static final Duration LONGEST_REUSE = Duration.ofSeconds(60);

  private record Entry(JWTCallerPrincipal principal, long validUntilMillis) {}

  private final int capacity;
  private final LongSupplier clockMillis;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity, LongSupplier clockMillis) {
    this.capacity = capacity;
    this.clockMillis = clockMillis;
  }

  /** The principal verified for this exact token, or null when it must be verified (again). */
  JWTCallerPrincipal find(String token) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (clockMillis.getAsLong() >= entry.validUntilMillis()) {
      entries.remove(token, entry);
      return null;
    }
    return entry.principal();
  }

  /** Keeps a just-verified token until its {@code exp} (without clock skew) or the reuse limit. */
  void remember(String token, JWTCallerPrincipal principal) {
    long now = clockMillis.getAsLong();
    long validUntil =
        Math.min(principal.getExpirationTime() * 1000, now + LONGEST_REUSE.toMillis());
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
    entries.put(token, new Entry(principal, validUntil));
  }

  int size() {
    return entries.size();
  }
}
