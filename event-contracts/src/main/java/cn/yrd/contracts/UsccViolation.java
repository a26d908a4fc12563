package cn.yrd.contracts;

/**
 * Why a string is not a valid USCC.
 *
 * @param rule the rule that failed first
 * @param position the 1-based character position the rule is about (0 for the whole code)
 * @param message a sentence an operator can act on
 */
public record UsccViolation(UsccRule rule, int position, String message) {}
