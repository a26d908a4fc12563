package cn.yrd.registry.api;

/**
 * The longest text each kind of field takes, in characters: the rules refuse longer values
 * (RegistrationRules) and the request schemas declare them as {@code maxLength}.
 */
public final class TextLimits {
  /** Names and decision numbers (文号). */
  public static final int NAME = 100;

  /** A legal representative's name. */
  public static final int PERSON_NAME = 50;

  /** Addresses, authorities, reasons. */
  public static final int TEXT = 500;

  /** The business scope (业务范围). */
  public static final int SCOPE = 2000;

  private TextLimits() {}
}
