package cn.yrd.conformance;

import java.util.Map;
import java.util.Set;

/** The steps a case may take, with the arguments each requires and allows. */
final class Verbs {
  private Verbs() {}

  record Shape(Set<String> required, Set<String> optional, boolean write) {
    boolean allows(String key) {
      return required.contains(key) || optional.contains(key);
    }
  }

  private static Shape write(Set<String> required, Set<String> optional) {
    return new Shape(required, optional, true);
  }

  private static Shape check(Set<String> required, Set<String> optional) {
    return new Shape(required, optional, false);
  }

  static final Map<String, Shape> SHAPES =
      Map.ofEntries(
          Map.entry(
              "register",
              write(
                  Set.of("org", "province"),
                  Set.of(
                      "category",
                      "person",
                      "name",
                      "spelling",
                      "established",
                      "code",
                      "issuedIn",
                      "transferFrom",
                      "date"))),
          Map.entry("amend", write(Set.of("org"), Set.of("name", "spelling", "person"))),
          Map.entry("revoke", write(Set.of("org", "date"), Set.of())),
          Map.entry("deregister", write(Set.of("org", "date"), Set.of())),
          Map.entry("transferOut", write(Set.of("org", "to", "date"), Set.of())),
          Map.entry("penalty", write(Set.of("org", "kind", "date"), Set.of("fine", "stopUntil"))),
          Map.entry("list", write(Set.of("org", "list", "reason", "date"), Set.of())),
          Map.entry("unlist", write(Set.of("org", "list", "date"), Set.of())),
          Map.entry("inspect", write(Set.of("org", "year", "result"), Set.of("date"))),
          Map.entry("award", write(Set.of("org", "level", "date"), Set.of())),
          Map.entry("downgrade", write(Set.of("org", "level", "date"), Set.of())),
          Map.entry("withdraw", write(Set.of("org", "date"), Set.of())),
          Map.entry("recognize", write(Set.of("org", "host", "as"), Set.of("scope", "home", "by"))),
          Map.entry("dismiss", write(Set.of("org", "rule", "by"), Set.of())),
          Map.entry("day", check(Set.of("date"), Set.of())),
          Map.entry("publish", check(Set.of("org", "province", "sequence"), Set.of("issuedIn"))),
          Map.entry(
              "expectConflict",
              check(Set.of("rule", "status"), Set.of("org", "province", "reason", "severity"))),
          Map.entry(
              "expectRecognition",
              check(
                  Set.of("ref", "status"), Set.of("reason", "rule", "gradeLevel", "gradeExpires"))),
          Map.entry(
              "expectRecord",
              check(
                  Set.of("org"),
                  Set.of(
                      "abnormalListed", "seriousListed", "status", "gradeLevel", "gradeExpires"))),
          Map.entry("expectDue", check(Set.of("org", "action", "present"), Set.of())));
}
