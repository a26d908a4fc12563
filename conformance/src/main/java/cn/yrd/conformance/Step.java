package cn.yrd.conformance;

import java.util.Map;

/**
 * One step of a case: a call to a public API, a move of the business clock, or an expectation.
 *
 * @param line where it stands in its file
 * @param verb what it does (see {@link Verbs})
 * @param args its arguments, as written
 * @param refusedBy for a write: the rule ID the call must be refused with, or null
 */
public record Step(int line, String verb, Map<String, String> args, String refusedBy) {

  public String arg(String name) {
    return args.get(name);
  }
}
