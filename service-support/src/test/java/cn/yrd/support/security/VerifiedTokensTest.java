package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final String SH = "https://idp.sh.example/realms/sh";
  private static final String JS = "https://idp.js.example/realms/js";

  private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
  private final VerifiedTokens tokens = new VerifiedTokens(2, clock::get);
  private final SecurityIdentity someone =
      QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).build();

  @Test
  void servesAVerifiedTokenOfTheSameIssuerOnly() {
    tokens.remember(SH, "t", someone, inSeconds(3600));
    assertSame(someone, tokens.find(SH, "t"));
    assertNull(tokens.find(JS, "t"));
  }

  @Test
  void keepsNothingThatHasAlreadyExpired() {
    tokens.remember(SH, "expired", someone, inSeconds(0));
    assertNull(tokens.find(SH, "expired"));
    assertEquals(0, tokens.size());
  }

  @Test
  void forgetsATokenAtItsExpiry() {
    tokens.remember(SH, "t", someone, inSeconds(30));
    clock.addAndGet(30_000);
    assertNull(tokens.find(SH, "t"));
  }

  @Test
  void forgetsALongLivedTokenAfterTheLongestReuse() {
    tokens.remember(SH, "t", someone, inSeconds(3600));
    clock.addAndGet(VerifiedTokens.LONGEST_REUSE.toMillis() - 1);
    assertNotNull(tokens.find(SH, "t"));
    clock.addAndGet(1);
    assertNull(tokens.find(SH, "t"));
  }

  @Test
  void makesRoomByDroppingExpiredTokensWhenFull() {
    tokens.remember(SH, "a", someone, inSeconds(10));
    tokens.remember(SH, "b", someone, inSeconds(3600));
    clock.addAndGet(10_000);
    tokens.remember(SH, "c", someone, inSeconds(3600));
    assertNull(tokens.find(SH, "a"));
    assertNotNull(tokens.find(SH, "b"));
    assertNotNull(tokens.find(SH, "c"));
  }

  @Test
  void keepsNoNewTokenWhenFullOfLiveOnes() {
    tokens.remember(SH, "a", someone, inSeconds(3600));
    tokens.remember(SH, "b", someone, inSeconds(3600));
    tokens.remember(SH, "c", someone, inSeconds(3600));
    assertNotNull(tokens.find(SH, "a"));
    assertNotNull(tokens.find(SH, "b"));
    assertNull(tokens.find(SH, "c"));
  }

  private long inSeconds(long seconds) {
    return clock.get() / 1000 + seconds;
  }
}
