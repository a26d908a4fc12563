package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
  private final VerifiedTokens tokens = new VerifiedTokens(2, clock::get);

  @Test
  void keepsNothingThatHasAlreadyExpired() {
    tokens.remember("expired", principal(clock.get() / 1000));
    assertNull(tokens.find("expired"));
    assertEquals(0, tokens.size());
  }

  @Test
  void makesRoomByDroppingExpiredTokensWhenFull() {
    tokens.remember("a", principal(clock.get() / 1000 + 10));
    tokens.remember("b", principal(clock.get() / 1000 + 3600));
    clock.addAndGet(10_000);
    tokens.remember("c", principal(clock.get() / 1000 + 3600));
    assertNull(tokens.find("a"));
    assertNotNull(tokens.find("b"));
    assertNotNull(tokens.find("c"));
  }

  @Test
  void keepsNoNewTokenWhenFullOfLiveOnes() {
    tokens.remember("a", principal(clock.get() / 1000 + 3600));
    tokens.remember("b", principal(clock.get() / 1000 + 3600));
    tokens.remember("c", principal(clock.get() / 1000 + 3600));
    assertNotNull(tokens.find("a"));
    assertNotNull(tokens.find("b"));
    assertNull(tokens.find("c"));
  }

  private static TokenPrincipal principal(long expiresAtSeconds) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("someone");
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAtSeconds));
    return new TokenPrincipal("JWT", claims);
  }
}
