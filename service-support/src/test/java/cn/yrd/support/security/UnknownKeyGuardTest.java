package cn.yrd.support.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnknownKeyGuardTest {
  private static final String SH = "https://idp.sh.example/realms/sh";
  private static final String JS = "https://idp.js.example/realms/js";

  private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
  private final UnknownKeyGuard guard = new UnknownKeyGuard(30_000, clock::get);

  @Test
  void letsOneUnknownKeyIdThroughPerIssuerPerInterval() {
    guard.published(SH, Set.of("sh-1"));
    assertTrue(guard.mayVerify(SH, "forged-1"));
    guard.published(SH, Set.of("sh-1"));
    assertFalse(guard.mayVerify(SH, "forged-1"));
    assertFalse(guard.mayVerify(SH, "forged-2"));
    clock.addAndGet(30_000);
    assertTrue(guard.mayVerify(SH, "forged-2"));
  }

  @Test
  void alwaysLetsAPublishedKeyIdThrough() {
    guard.published(SH, Set.of("sh-1", "sh-2"));
    assertTrue(guard.mayVerify(SH, "forged"));
    assertTrue(guard.mayVerify(SH, "sh-1"));
    assertTrue(guard.mayVerify(SH, "sh-2"));
  }

  @Test
  void letsTokensWithTheKeyIdBeingLookedUpThroughUntilTheLookupEnds() {
    guard.published(SH, Set.of("sh-1"));
    assertTrue(guard.mayVerify(SH, "sh-2"));
    assertTrue(guard.mayVerify(SH, "sh-2"));
    guard.published(SH, Set.of("sh-1", "sh-2"));
    assertTrue(guard.mayVerify(SH, "sh-2"));
  }

  @Test
  void boundsAKeyIdTheIssuerHasWithdrawn() {
    guard.published(SH, Set.of("sh-1", "sh-2"));
    guard.published(SH, Set.of("sh-2"));
    assertTrue(guard.mayVerify(SH, "sh-1"));
    guard.published(SH, Set.of("sh-2"));
    assertFalse(guard.mayVerify(SH, "sh-1"));
  }

  @Test
  void boundsEachIssuerOnItsOwn() {
    guard.published(SH, Set.of("sh-1"));
    guard.published(JS, Set.of("js-1"));
    assertTrue(guard.mayVerify(SH, "forged"));
    assertTrue(guard.mayVerify(JS, "forged"));
  }

  @Test
  void letsEveryTokenThroughUntilTheIssuersKeysWereFetchedOnce() {
    assertTrue(guard.mayVerify(SH, "a"));
    assertTrue(guard.mayVerify(SH, "b"));
  }
}
