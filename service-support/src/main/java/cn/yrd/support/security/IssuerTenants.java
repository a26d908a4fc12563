package cn.yrd.support.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which quarkus-oidc tenant verified tokens of each issuer. quarkus-oidc's issuer-based resolution
 * decodes a token twice for every tenant it tries (five here), on every request, cached token or
 * not; once an issuer's token has been verified, its tenant is known, and one decoding of the token
 * names it (the claims are decoded once per request, {@link TokenParts}). Learned only from
 * verified tokens, so it holds at most one entry per configured tenant.
 */
final class IssuerTenants {
  private final Map<String, String> tenantByIssuer = new ConcurrentHashMap<>();

  /** The tenant that verified an earlier token of this issuer, or null. */
  String tenantOf(String issuer) {
    return issuer == null ? null : tenantByIssuer.get(issuer);
  }

  /** A token of this issuer was verified by this tenant. */
  void verified(String issuer, String tenant) {
    if (issuer != null && tenant != null) {
      tenantByIssuer.put(issuer, tenant);
    }
  }
}
