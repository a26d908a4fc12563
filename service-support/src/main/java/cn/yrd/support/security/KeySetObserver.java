package cn.yrd.support.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestContextProperties;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells {@link CachingTokenIdentityProvider} which key ids an issuer publishes each time
 * quarkus-oidc fetches its JWKS (for the token, whose issuer it reads, that made it look).
 */
@ApplicationScoped
@Unremovable // found by quarkus-oidc's programmatic look-up, which ArC cannot see
@OidcEndpoint(OidcEndpoint.Type.JWKS)
public class KeySetObserver implements OidcResponseFilter {
  private final CachingTokenIdentityProvider provider;

  public KeySetObserver(CachingTokenIdentityProvider provider) {
    this.provider = provider;
  }

  @Override
  public Uni<Void> filter(OidcResponseFilterContext response) {
    Object token = response.requestProperties().get(OidcRequestContextProperties.TOKEN);
    String issuer =
        token == null ? null : TokenParts.text(TokenParts.claims(token.toString()), "iss");
    if (issuer != null && response.statusCode() == 200 && response.responseBody() != null) {
      try {
        JsonArray keys = new JsonObject(response.responseBody().toString()).getJsonArray("keys");
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; keys != null && i < keys.size(); i++) {
          String keyId = keys.getJsonObject(i).getString("kid");
          if (keyId != null) {
            keyIds.add(keyId);
          }
        }
        provider.published(issuer, keyIds);
      } catch (RuntimeException e) {
        // Not a JWKS the library can use either: it reports the failure itself.
      }
    }
    return Uni.createFrom().voidItem();
  }
}
