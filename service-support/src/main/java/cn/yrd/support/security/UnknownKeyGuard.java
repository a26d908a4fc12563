package cn.yrd.support.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bounds how often tokens naming a key id ({@code kid}) that an issuer's JWKS did not publish make
 * this service fetch that JWKS again: one such lookup per issuer per interval. quarkus-oidc looks
 * up every key id it is shown and does not know, so without this anyone could make the services
 * fetch an identity provider's JWKS on every request. Key ids the last fetched JWKS published
 * always pass: the library may need to fetch them again once its key cache has expired them.
 */
final class UnknownKeyGuard {
  private static final class IssuerKeys {
    volatile Set<String> published;
    long lastLookupMillis = Long.MIN_VALUE / 2;
    String lookingUp;

    IssuerKeys(Set<String> published) {
      this.published = published;
    }
  }

  private final long intervalMillis;
  private final LongSupplier clockMillis;
  // Filled from fetched JWKSs only: at most one entry per configured issuer.
  private final Map<String, IssuerKeys> issuers = new ConcurrentHashMap<>();

  UnknownKeyGuard(long intervalMillis, LongSupplier clockMillis) {
    this.intervalMillis = intervalMillis;
    this.clockMillis = clockMillis;
  }

  /** Whether a token of this issuer naming this key id may be verified now. */
  boolean mayVerify(String issuer, String keyId) {
    IssuerKeys keys = issuers.get(issuer);
    if (keys == null || keyId == null || keys.published.contains(keyId)) {
      return true;
    }
    synchronized (keys) {
      // Tokens arriving while the lookup of their key id is under way need not wait for the next.
      if (keyId.equals(keys.lookingUp)) {
        return true;
      }
      long now = clockMillis.getAsLong();
      if (now - keys.lastLookupMillis < intervalMillis) {
        return false;
      }
      keys.lastLookupMillis = now;
      keys.lookingUp = keyId;
      return true;
    }
  }

  /** The issuer's JWKS was fetched and publishes these key ids (and no others). */
  void published(String issuer, Set<String> keyIds) {
    IssuerKeys keys = issuers.computeIfAbsent(issuer, i -> new IssuerKeys(Set.of()));
    synchronized (keys) {
      keys.published = Set.copyOf(keyIds);
      keys.lookingUp = null;
    }
  }
}
