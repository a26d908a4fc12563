package cn.yrd.support.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bounds how often tokens naming a key id ({@code kid}) an issuer has not used yet make this
 * service fetch that issuer's JWKS: one such lookup per issuer per interval. The OIDC library looks
 * up every unknown key id it is shown, so without this anyone could make the services fetch an
 * identity provider's JWKS on every request.
 */
final class UnknownKeyGuard {
  private static final int MOST_KEYS_PER_ISSUER = 64;

  private static final class IssuerKeys {
    final Set<String> verified = ConcurrentHashMap.newKeySet();
    long lastLookupMillis = Long.MIN_VALUE / 2;
    String lookingUp;
  }

  private final long intervalMillis;
  private final LongSupplier clockMillis;
  // Only issuers that have signed a token this service verified are tracked: at most the
  // configured.
  private final Map<String, IssuerKeys> issuers = new ConcurrentHashMap<>();

  UnknownKeyGuard(long intervalMillis, LongSupplier clockMillis) {
    this.intervalMillis = intervalMillis;
    this.clockMillis = clockMillis;
  }

  /** Whether a token of this issuer with this key id may be verified now. */
  boolean mayVerify(String issuer, String keyId) {
    IssuerKeys keys = issuers.get(issuer);
    if (keys == null || keyId == null || keys.verified.contains(keyId)) {
      return true;
    }
    synchronized (keys) {
      long now = clockMillis.getAsLong();
      if (keyId.equals(keys.lookingUp)) {
        return true;
      }
      if (now - keys.lastLookupMillis < intervalMillis) {
        return false;
      }
      keys.lastLookupMillis = now;
      keys.lookingUp = keyId;
      return true;
    }
  }

  void verified(String issuer, String keyId) {
    if (keyId == null) {
      return;
    }
    IssuerKeys keys = issuers.computeIfAbsent(issuer, i -> new IssuerKeys());
    if (keys.verified.size() >= MOST_KEYS_PER_ISSUER) {
      keys.verified.clear();
    }
    keys.verified.add(keyId);
    synchronized (keys) {
      if (keyId.equals(keys.lookingUp)) {
        keys.lookingUp = null;
      }
    }
  }

  /** No key with this id could be found (it may have been removed): the id is unknown again. */
  void failed(String issuer, String keyId) {
    IssuerKeys keys = issuers.get(issuer);
    if (keys == null || keyId == null) {
      return;
    }
    keys.verified.remove(keyId);
    synchronized (keys) {
      if (keyId.equals(keys.lookingUp)) {
        keys.lookingUp = null;
      }
    }
  }
}
