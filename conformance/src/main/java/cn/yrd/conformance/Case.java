package cn.yrd.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One conformance case: a timeline of calls to the registries' and recognition's public APIs with
 * business dates, and the conflicts, recognitions and supervision states expected along it.
 *
 * @param rule the rulebook ID it checks (docs/rules.md)
 * @param positive whether it shows the rule applying (true) or not applying (false)
 * @param persons for each person symbol, how their ID number is made ({@code born}, {@code region})
 */
public record Case(
    Path file,
    int line,
    String rule,
    String name,
    boolean positive,
    Map<String, Map<String, String>> persons,
    List<Step> steps) {

  /** Whether it publishes events as a registry would, which needs the target's broker. */
  public boolean publishes() {
    return steps.stream().anyMatch(s -> s.verb().equals("publish"));
  }

  /** Whether it moves the business clock, which only a test-profile federation allows. */
  public boolean movesTheClock() {
    return steps.stream().anyMatch(s -> s.verb().equals("day"));
  }

  @Override
  public String toString() {
    return rule + " " + name + " (" + file.getFileName() + ":" + line + ")";
  }
}
