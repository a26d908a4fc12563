package cn.yrd.conformance;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Plays cases against a target through the public APIs only: the registries' writes, recognition's
 * requests and decisions, and (on a test-profile federation) the business clock. Every run makes
 * fresh codes, names and ID numbers, so cases never meet each other's data or a deployment's own.
 */
public final class CaseRunner {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final Target target;
  private final Api api = new Api();
  private final AtomicLong serial =
      new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L));
  private final boolean clockMovable;

  public CaseRunner(Target target) {
    this.target = target;
    this.clockMovable =
        api.send("GET", target.registryUrl(Province.SH) + "/api/v1/test-clock", null, null, null)
            .ok();
  }

  /** Whether the target's business clock can be moved (a test-profile federation). */
  public boolean clockMovable() {
    return clockMovable;
  }

  /** Runs the cases one after the other, telling {@code progress} of each as it ends. */
  public List<Result> runAll(List<Case> cases, java.util.function.Consumer<Result> progress) {
    List<Result> results = new ArrayList<>();
    for (Case kase : cases) {
      Result result = run(kase);
      progress.accept(result);
      results.add(result);
    }
    return results;
  }

  public Result run(Case kase) {
    if (kase.movesTheClock() && !clockMovable) {
      return new Result(
          kase,
          Result.Outcome.NOT_RUN,
          "moves the business clock, which this target does not allow");
    }
    Play play = new Play(kase);
    try {
      for (Step step : kase.steps()) {
        String failure = play.step(step);
        if (failure != null) {
          return new Result(kase, Result.Outcome.FAILED, "line " + step.line() + ": " + failure);
        }
      }
      return new Result(kase, Result.Outcome.PASSED, null);
    } catch (RuntimeException e) {
      return new Result(kase, Result.Outcome.FAILED, e.getMessage());
    } finally {
      if (play.movedClock) {
        moveClock(null);
      }
    }
  }

  /** One record of an organization in one registry. */
  private record Org(String uscc, Province province, OrgCategory category) {}

  /** The state of one case as it plays. */
  private final class Play {
    final Case kase;
    final LocalDate dayZero;
    final Map<String, Org> orgs = new HashMap<>();
    final Map<String, String> persons = new HashMap<>();
    final Map<String, String> names = new HashMap<>();
    final Map<String, String> recognitions = new HashMap<>();

    /** The last version each record was written at, "uscc|province" → version. */
    final Map<String, Long> versions = new LinkedHashMap<>();

    boolean movedClock;

    Play(Case kase) {
      this.kase = kase;
      this.dayZero = today();
    }

    /** Runs a step; null if it went as the case says, else what went wrong. */
    String step(Step step) {
      return switch (step.verb()) {
        case "day" -> day(step);
        case "publish" -> publish(step);
        case "expectConflict" -> eventually(() -> conflict(step));
        case "expectRecognition" -> eventually(() -> recognition(step));
        case "expectRecord" -> eventually(() -> record(step));
        case "expectDue" -> due(step);
        default -> write(step);
      };
    }

    private String day(Step step) {
      movedClock = true;
      moveClock(date(step.arg("date")));
      return null;
    }

    /**
     * Sends a registration as the named registry would, for a fresh code issued in {@code
     * issuedIn}: with a sequence number it already passed ({@code old}), one past a gap ({@code
     * gap}), or the one that fills the gap ({@code fill}).
     */
    private String publish(Step step) {
      awaitApplied();
      Province registry = Province.valueOf(step.arg("province"));
      Province issuedIn =
          step.arg("issuedIn") == null ? registry : Province.valueOf(step.arg("issuedIn"));
      long contiguous = 0;
      for (JsonNode line :
          api.get(target.recognitionUrl() + "/api/v1/data-quality", auditor()).path("items")) {
        if (line.path("province").asText().equals(registry.name())) {
          contiguous = line.path("contiguousSequence").asLong();
        }
      }
      long sequence =
          switch (step.arg("sequence")) {
            case "gap" -> contiguous + 2;
            case "fill" -> contiguous + 1;
            default -> 1;
          };
      String uscc =
          UsccGenerator.generate(
                  issuedIn, division(issuedIn), OrgCategory.SOCIAL_GROUP, serial.incrementAndGet())
              .value();
      try (RegistryImpersonator impersonator =
          new RegistryImpersonator(target.kafkaBootstrap().orElseThrow())) {
        impersonator.registered(
            registry,
            uscc,
            OrgCategory.SOCIAL_GROUP,
            name(step.arg("org"), null),
            dayZero,
            sequence);
      }
      Org org = new Org(uscc, registry, OrgCategory.SOCIAL_GROUP);
      orgs.put(step.arg("org"), org);
      versions.put(uscc + "|" + registry, 0L);
      return null;
    }

    private String write(Step step) {
      Call call = call(step);
      Api.Answer answer =
          api.send(
              call.method(),
              call.url(),
              token(call.role(), call.province()),
              call.body(),
              call.ifMatch());
      if (step.refusedBy() != null) {
        if (answer.ok()) {
          return step.verb() + " was accepted; expected a refusal under " + step.refusedBy();
        }
        if (answer.status() >= 500 || !answer.body().contains(step.refusedBy())) {
          return step.verb()
              + " was refused with "
              + answer.status()
              + " without naming "
              + step.refusedBy()
              + ": "
              + answer.body();
        }
        return null;
      }
      if (!answer.ok()) {
        return step.verb() + " answered " + answer.status() + ": " + answer.body();
      }
      call.after().accept(answer);
      return null;
    }

    private record Call(
        String method,
        String url,
        String role,
        Province province,
        Object body,
        String ifMatch,
        java.util.function.Consumer<Api.Answer> after) {}

    private Call call(Step step) {
      if (step.verb().equals("register")) {
        return register(step);
      }
      if (step.verb().equals("recognize")) {
        return recognize(step);
      }
      if (step.verb().equals("dismiss")) {
        return dismiss(step);
      }
      Org org = org(step.arg("org"));
      String base = target.registryUrl(org.province()) + "/api/v1/registrations/" + org.uscc();
      String registrar = Roles.REGISTRAR;
      String supervisor = Roles.SUPERVISOR;
      java.util.function.Consumer<Api.Answer> track = answer -> track(org, answer);
      Map<String, Object> body = new LinkedHashMap<>();
      return switch (step.verb()) {
        case "amend" -> {
          if (step.arg("name") != null) {
            body.put("name", name(step.arg("name"), step.arg("spelling")));
          }
          if (step.arg("person") != null) {
            body.put("legalRepresentative", person(step.arg("person"), org.province()));
          }
          yield new Call("PATCH", base, registrar, org.province(), body, version(org), track);
        }
        case "revoke" -> {
          decision(body, step, "严重违反章程");
          yield new Call(
              "POST", base + "/revocation", registrar, org.province(), body, null, track);
        }
        case "deregister" -> {
          decision(body, step, "自行解散");
          yield new Call(
              "POST", base + "/deregistration", registrar, org.province(), body, null, track);
        }
        case "transferOut" -> {
          body.put("toProvince", step.arg("to"));
          body.put("date", date(step.arg("date")).toString());
          body.put("decisionNumber", number());
          yield new Call(
              "POST", base + "/transfer-out", registrar, org.province(), body, null, track);
        }
        case "penalty" -> {
          decision(body, step, "违规行为");
          body.put("kind", step.arg("kind"));
          if (step.arg("fine") != null) {
            body.put("fineAmount", Long.parseLong(step.arg("fine")));
          }
          if (step.arg("stopUntil") != null) {
            body.put("stopUntil", date(step.arg("stopUntil")).toString());
          }
          yield new Call(
              "POST", base + "/penalties", supervisor, org.province(), body, null, track);
        }
        case "list" -> {
          decision(body, step, "列入名录");
          body.put("reasonCode", step.arg("reason"));
          yield new Call(
              "POST", base + listPath(step), supervisor, org.province(), body, null, track);
        }
        case "unlist" -> {
          decision(body, step, "移出名录");
          yield new Call(
              "POST",
              base + listPath(step) + "/removal",
              supervisor,
              org.province(),
              body,
              null,
              track);
        }
        case "inspect" -> {
          body.put("year", Dates.year(step.arg("year"), dayZero.getYear()));
          body.put("result", step.arg("result"));
          body.put("date", date(step.arg("date") == null ? "D" : step.arg("date")).toString());
          yield new Call(
              "POST", base + "/annual-inspections", supervisor, org.province(), body, null, track);
        }
        case "award" -> {
          body.put("level", Integer.parseInt(step.arg("level")));
          body.put("awardedOn", date(step.arg("date")).toString());
          body.put("decisionNumber", number());
          yield new Call("POST", base + "/grade", supervisor, org.province(), body, null, track);
        }
        case "downgrade" -> {
          decision(body, step, "降低等级");
          body.put("level", Integer.parseInt(step.arg("level")));
          yield new Call(
              "POST", base + "/grade/downgrade", supervisor, org.province(), body, null, track);
        }
        case "withdraw" -> {
          decision(body, step, "取消等级");
          yield new Call(
              "POST", base + "/grade/withdrawal", supervisor, org.province(), body, null, track);
        }
        default -> throw new IllegalStateException("no call for " + step.verb());
      };
    }

    private Call register(Step step) {
      String symbol = step.arg("org");
      Province province = Province.valueOf(step.arg("province"));
      String uscc;
      OrgCategory category;
      if (step.arg("code") != null) {
        uscc = org(step.arg("code")).uscc();
        category = Uscc.parse(uscc).category().orElseThrow();
      } else {
        category =
            step.arg("category") == null
                ? OrgCategory.SOCIAL_GROUP
                : OrgCategory.valueOf(step.arg("category"));
        Province issuer =
            step.arg("issuedIn") == null ? province : Province.valueOf(step.arg("issuedIn"));
        uscc =
            UsccGenerator.generate(issuer, division(issuer), category, serial.incrementAndGet())
                .value();
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("uscc", uscc);
      body.put(
          "name", name(step.arg("name") == null ? symbol : step.arg("name"), step.arg("spelling")));
      body.put("category", category.name());
      body.put(
          "legalRepresentative",
          person(step.arg("person") == null ? "rep-" + symbol : step.arg("person"), province));
      body.put("domicile", province.chineseName() + "合规路1号");
      body.put("businessScope", "合规测试");
      body.put("registeredFunds", category == OrgCategory.FOUNDATION ? 4_000_000 : 100_000);
      body.put("registrationAuthority", province.chineseName() + "民政厅");
      body.put(
          "establishmentDate",
          date(step.arg("established") == null ? "D-5y" : step.arg("established")).toString());
      if (step.arg("transferFrom") != null) {
        body.put(
            "transferIn",
            Map.of(
                "fromProvince", step.arg("transferFrom"),
                "date", date(step.arg("date") == null ? "D" : step.arg("date")).toString(),
                "decisionNumber", number()));
      }
      Org org = new Org(uscc, province, category);
      return new Call(
          "POST",
          target.registryUrl(province) + "/api/v1/registrations",
          Roles.REGISTRAR,
          province,
          body,
          null,
          answer -> {
            orgs.put(symbol, org);
            track(org, answer);
          });
    }

    private Call recognize(Step step) {
      Org org = org(step.arg("org"));
      Province host = Province.valueOf(step.arg("host"));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("uscc", org.uscc());
      body.put("hostProvince", host.name());
      body.put("scope", step.arg("scope") == null ? "OPERATE" : step.arg("scope"));
      if (step.arg("home") != null) {
        body.put("homeProvince", step.arg("home"));
      }
      awaitApplied();
      return new Call(
          "POST",
          target.recognitionUrl() + "/api/v1/recognitions",
          Roles.RECOGNITION_OFFICER,
          step.arg("by") == null ? host : Province.valueOf(step.arg("by")),
          body,
          null,
          answer -> recognitions.put(step.arg("as"), answer.json().path("id").asText()));
    }

    private Call dismiss(Step step) {
      String id =
          eventuallyFind(() -> openConflict(org(step.arg("org")).uscc(), step.arg("rule")))
              .path("id")
              .asText();
      return new Call(
          "POST",
          target.recognitionUrl() + "/api/v1/conflicts/" + id + "/dismiss",
          Roles.RECOGNITION_OFFICER,
          Province.valueOf(step.arg("by")),
          Map.of("note", "合规测试：核实为不同情形"),
          null,
          answer -> {});
    }

    private String conflict(Step step) {
      awaitApplied();
      String about =
          step.arg("org") != null
              ? "uscc=" + org(step.arg("org")).uscc()
              : "province=" + Province.valueOf(step.arg("province"));
      List<JsonNode> withRule = conflicts(about, step.arg("rule"));
      List<JsonNode> open =
          withRule.stream()
              .filter(c -> List.of("OPEN", "ACKNOWLEDGED").contains(c.path("status").asText()))
              .toList();
      String status = step.arg("status");
      String seen = "conflicts under " + step.arg("rule") + " with " + about + ": " + withRule;
      return switch (status) {
        case "NONE" -> open.isEmpty() ? null : "expected none open; " + seen;
        case "OPEN" -> {
          if (open.isEmpty()) {
            yield "expected one open; " + seen;
          }
          String severity = step.arg("severity");
          yield severity == null || severity.equals(open.get(0).path("severity").asText())
              ? null
              : "expected severity " + severity + "; " + seen;
        }
        default -> {
          boolean found =
              open.isEmpty()
                  && withRule.stream()
                      .anyMatch(
                          c ->
                              c.path("status").asText().equals(status)
                                  && (step.arg("reason") == null
                                      || step.arg("reason")
                                          .equals(c.path("resolutionReason").asText())));
          yield found
              ? null
              : "expected " + status + " " + nullToEmpty(step.arg("reason")) + "; " + seen;
        }
      };
    }

    private String recognition(Step step) {
      awaitApplied();
      String id = recognitions.get(step.arg("ref"));
      if (id == null) {
        throw new IllegalStateException(
            "no recognition request '" + step.arg("ref") + "' made yet");
      }
      JsonNode r = api.get(target.recognitionUrl() + "/api/v1/recognitions/" + id, auditor());
      List<String> problems = new ArrayList<>();
      expectEqual(problems, "status", step.arg("status"), r.path("status").asText());
      if (step.arg("reason") != null && !contains(r.path("reasons"), step.arg("reason"))) {
        problems.add("reasons " + r.path("reasons") + " lack " + step.arg("reason"));
      }
      if (step.arg("rule") != null && !contains(r.path("ruleIds"), step.arg("rule"))) {
        problems.add("ruleIds " + r.path("ruleIds") + " lack " + step.arg("rule"));
      }
      JsonNode grade = r.path("recognizedGrade");
      expectGrade(problems, step, grade.isMissingNode() || grade.isNull() ? null : grade);
      return problems.isEmpty() ? null : String.join("; ", problems) + " in " + r;
    }

    private String record(Step step) {
      Org org = org(step.arg("org"));
      JsonNode r =
          api.get(
              target.registryUrl(org.province()) + "/api/v1/registrations/" + org.uscc(),
              token(Roles.READER, org.province()));
      List<String> problems = new ArrayList<>();
      expectEqual(problems, "status", step.arg("status"), r.path("status").asText());
      expectEqual(
          problems,
          "abnormalListed",
          step.arg("abnormalListed"),
          r.path("abnormalListed").asText());
      expectEqual(
          problems, "seriousListed", step.arg("seriousListed"), r.path("seriousListed").asText());
      JsonNode grade = r.path("grade");
      expectGrade(problems, step, grade.isMissingNode() || grade.isNull() ? null : grade);
      return problems.isEmpty() ? null : String.join("; ", problems) + " in " + r;
    }

    private String due(Step step) {
      Org org = org(step.arg("org"));
      JsonNode list =
          api.get(
              target.registryUrl(org.province()) + "/api/v1/supervision/due",
              token(Roles.READER, org.province()));
      boolean present = false;
      for (JsonNode item : list.path("items")) {
        present |=
            item.path("uscc").asText().equals(org.uscc())
                && item.path("action").asText().equals(step.arg("action"));
      }
      boolean expected = Boolean.parseBoolean(step.arg("present"));
      return present == expected
          ? null
          : step.arg("action") + " for " + org.uscc() + " is " + (present ? "" : "not ") + "due";
    }

    private void expectGrade(List<String> problems, Step step, JsonNode grade) {
      String level = step.arg("gradeLevel");
      if (level != null) {
        String actual = grade == null ? "none" : grade.path("level").asText();
        expectEqual(problems, "grade level", level, actual);
      }
      if (step.arg("gradeExpires") != null) {
        String actual = grade == null ? "none" : grade.path("expiresOn").asText();
        expectEqual(problems, "grade expiry", date(step.arg("gradeExpires")).toString(), actual);
      }
    }

    /** Waits until recognition has applied every registry write this case made. */
    private void awaitApplied() {
      Map<String, List<String>> byCode = new LinkedHashMap<>();
      versions
          .keySet()
          .forEach(k -> byCode.computeIfAbsent(k.split("\\|")[0], c -> new ArrayList<>()));
      eventuallyFind(
          () -> {
            for (String uscc : byCode.keySet()) {
              JsonNode view =
                  api.send(
                          "GET",
                          target.recognitionUrl() + "/api/v1/organizations/" + uscc,
                          auditor(),
                          null,
                          null)
                      .json();
              for (Map.Entry<String, Long> tracked : versions.entrySet()) {
                String[] key = tracked.getKey().split("\\|");
                if (!key[0].equals(uscc)) {
                  continue;
                }
                boolean applied = false;
                for (JsonNode record : view.path("records")) {
                  applied |=
                      record.path("province").asText().equals(key[1])
                          && record.path("state").path("version").asLong(-1) >= tracked.getValue();
                }
                if (!applied) {
                  return null;
                }
              }
            }
            return Api.JSON.nullNode();
          });
    }

    /** The conflicts under a rule that match a filter ({@code uscc=…} or {@code province=…}). */
    private List<JsonNode> conflicts(String filter, String rule) {
      JsonNode page =
          api.get(target.recognitionUrl() + "/api/v1/conflicts?size=200&" + filter, auditor());
      List<JsonNode> matching = new ArrayList<>();
      page.path("items")
          .forEach(
              c -> {
                if (rule.equals(c.path("ruleId").asText())) {
                  matching.add(c);
                }
              });
      return matching;
    }

    private JsonNode openConflict(String uscc, String rule) {
      awaitApplied();
      return conflicts("uscc=" + uscc, rule).stream()
          .filter(c -> c.path("status").asText().equals("OPEN"))
          .findFirst()
          .orElse(null);
    }

    private void track(Org org, Api.Answer answer) {
      if (answer.etag() != null) {
        versions.put(org.uscc() + "|" + org.province(), Long.parseLong(answer.etag()));
      }
    }

    private String version(Org org) {
      Long v = versions.get(org.uscc() + "|" + org.province());
      return v == null ? null : v.toString();
    }

    private Org org(String symbol) {
      Org org = orgs.get(symbol);
      if (org == null) {
        throw new IllegalStateException("no organization '" + symbol + "' registered yet");
      }
      return org;
    }

    private Map<String, String> person(String symbol, Province province) {
      String id =
          persons.computeIfAbsent(
              symbol,
              s -> {
                Map<String, String> spec = kase.persons().getOrDefault(s, Map.of());
                long n = serial.incrementAndGet();
                LocalDate born =
                    spec.containsKey("born")
                        ? date(spec.get("born"))
                        : LocalDate.of(1960, 1, 1).plusDays(n % 10_000);
                String region = spec.getOrDefault("region", division(province));
                return ResidentIdNumber.compose(region, born, (int) (n % 1000));
              });
      return Map.of("name", "合规代表", "idNumber", id);
    }

    /** The name a symbol stands for in this run, spelled as asked. */
    private String name(String symbol, String spelling) {
      String serialText =
          names.computeIfAbsent(symbol, s -> Long.toString(serial.incrementAndGet()));
      if (spelling == null) {
        return "长三角合规测试" + serialText + "协会";
      }
      return switch (spelling) {
        case "traditional" -> "長三角合規測試" + serialText + "協會";
        case "spaced" -> "长三角 合规测试（" + serialText + "）协会";
        case "fullwidth" -> "长三角合规测试" + fullWidth(serialText) + "协会";
        default -> throw new IllegalStateException("unknown spelling " + spelling);
      };
    }

    private void decision(Map<String, Object> body, Step step, String reason) {
      body.put("date", date(step.arg("date")).toString());
      body.put("decisionNumber", number());
      body.put("reason", reason);
    }

    private String listPath(Step step) {
      return switch (step.arg("list")) {
        case "ABNORMAL" -> "/abnormal-list";
        case "SERIOUS" -> "/serious-list";
        default -> throw new IllegalStateException("list is ABNORMAL or SERIOUS");
      };
    }

    private LocalDate date(String expression) {
      return Dates.resolve(expression, dayZero);
    }

    private String number() {
      return "合规〔" + dayZero.getYear() + "〕" + serial.incrementAndGet() + "号";
    }
  }

  private String auditor() {
    return target.token(Roles.AUDITOR, null);
  }

  private String token(String role, Province province) {
    return target.token(role, role.equals(Roles.AUDITOR) ? null : province);
  }

  /** The business date: the target's test clock if it has one, else Asia/Shanghai's. */
  private LocalDate today() {
    if (!clockMovable) {
      return LocalDate.now(SHANGHAI);
    }
    return LocalDate.parse(
        api.get(target.registryUrl(Province.SH) + "/api/v1/test-clock", null)
            .path("today")
            .asText());
  }

  /**
   * Moves every service's business clock (null: back to the wall clock) and waits until settled.
   */
  public void moveClock(LocalDate day) {
    List<String> services = new ArrayList<>();
    for (Province p : Province.values()) {
      services.add(target.registryUrl(p));
    }
    services.add(target.recognitionUrl());
    Map<String, Object> body = new HashMap<>();
    body.put("today", day == null ? null : day.toString());
    for (String service : services) {
      Api.Answer answer = api.send("PUT", service + "/api/v1/test-clock", null, body, null);
      if (!answer.ok()) {
        throw new IllegalStateException(
            "cannot move the clock of " + service + ": " + answer.body());
      }
    }
    eventuallyFind(
        () -> {
          for (String service : services) {
            if (!api.get(service + "/api/v1/test-clock", null).path("settled").asBoolean()) {
              return null;
            }
          }
          return Api.JSON.nullNode();
        });
  }

  /** Polls until the check passes (null) or patience runs out; then its last complaint. */
  private static String eventually(Supplier<String> check) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String complaint = check.get();
    while (complaint != null && System.nanoTime() < deadline) {
      pause();
      complaint = check.get();
    }
    return complaint;
  }

  private static JsonNode eventuallyFind(Supplier<JsonNode> find) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode found = find.get();
    while (found == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + PATIENCE.toSeconds() + " s");
      }
      pause();
      found = find.get();
    }
    return found;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expectEqual(
      List<String> problems, String what, String expected, String actual) {
    if (expected != null && !expected.equals(actual)) {
      problems.add(what + " is " + actual + ", expected " + expected);
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String fullWidth(String digits) {
    StringBuilder out = new StringBuilder();
    digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
    return out.toString();
  }

  static String division(Province province) {
    return switch (province) {
      case SH -> "310115";
      case JS -> "320583";
      case ZJ -> "330106";
      case AH -> "340104";
    };
  }
}
