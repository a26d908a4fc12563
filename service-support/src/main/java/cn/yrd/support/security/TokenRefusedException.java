package cn.yrd.support.security;

/**
 * A token that verified, but that its issuer may not issue: the cause of the authentication
 * failure, whose message the problem shows.
 */
public class TokenRefusedException extends RuntimeException {
  public TokenRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
