package cn.yrd.local;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.contracts.UsccGenerator;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data: realistic organizations of the four provinces, registered through the registries'
 * public bulk-import API as a provincial system would, about 1.4% of them graded 5A, plus seeded
 * cross-province conflicts. Prints what it created and which conflicts to expect.
 */
public final class DemoData {
  public static final int DEFAULT_COUNT = 2000;
  static final double FIVE_A_SHARE = 2885.0 / 200_000;

  private static final String[] FIELDS = {
    "软件", "人工智能", "物流", "养老服务", "文化艺术", "体育", "环境保护", "教育发展", "健康促进", "律师",
    "注册会计师", "旅游", "茶业", "丝绸", "书法", "围棋", "志愿服务", "社会工作", "青少年发展", "集成电路"
  };
  private static final String[] GROUP_FORMS = {"协会", "商会", "学会", "研究会", "促进会", "联合会"};
  private static final String[] INSTITUTION_FORMS = {"服务中心", "研究院", "培训中心", "社会工作服务社", "发展中心"};
  private static final String[] TRADE_NAMES = {
    "星辰", "春晖", "阳光", "明德", "和谐", "启航", "仁爱", "博雅", "嘉禾", "锦绣", "同心", "致远"
  };
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "沈"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂英"
  };
  private static final Pattern COUNT = Pattern.compile("\"(accepted|rejected)\":(\\d+)");

  private final Federation federation;
  private final PrintStream out;
  private final Random random = new Random(2025);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong serial = new AtomicLong(10_000_000);
  private final Set<String> names = new HashSet<>();
  private Clearances clearances = new Clearances(0, 0, 0, 0);

  private DemoData(Federation federation, PrintStream out) {
    this.federation = federation;
    this.out = out;
  }

  /**
   * Loads the demo and answers what the check before registering (登记前核查) did about the seeded
   * conflicts.
   */
  public static Clearances load(Federation federation, int count, PrintStream out) {
    DemoData demo = new DemoData(federation, out);
    demo.run(count);
    return demo.clearances;
  }

  /**
   * The seeded conflicts and the check before registering.
   *
   * @param seeded conflicts the demo seeds
   * @param raisedByRegistration those a registration raises, the only ones a check made before
   *     registering can see (the others come from a revocation or a supervision measure)
   * @param flagged of those, the ones the check answered WOULD_CONFLICT for
   * @param refused of those, the ones a registry in REFUSE_HIGH mode refused (409): prevented
   */
  public record Clearances(int seeded, int raisedByRegistration, int flagged, int refused) {}

  /** A registration's answer: its status and body. */
  private record Answer(int status, String body) {
    boolean flagged() {
      return refused() || (status == 201 && body.contains("clearance: WOULD_CONFLICT"));
    }

    boolean refused() {
      return status == 409 && body.contains("clearance-refused");
    }

    String clearance() {
      if (refused()) {
        return "refused, 409 clearance-refused: prevented";
      }
      return flagged() ? "registered, the 201 warns WOULD_CONFLICT" : "registered, no warning";
    }
  }

  /** One organization as a registry's import file has it. */
  record Org(
      Province province,
      String uscc,
      String name,
      OrgCategory category,
      String repName,
      String repId,
      String domicile,
      long funds,
      String authority,
      LocalDate established) {

    String json(String transferFrom) {
      String transfer =
          transferFrom == null
              ? ""
              : ",\"transferIn\":{\"fromProvince\":\""
                  + transferFrom
                  + "\",\"decisionNumber\":\"迁〔2026〕1号\",\"date\":\"2026-01-05\"}";
      return "{\"uscc\":\""
          + uscc
          + "\",\"name\":\""
          + name
          + "\",\"category\":\""
          + category
          + "\",\"legalRepresentative\":{\"name\":\""
          + repName
          + "\",\"idNumber\":\""
          + repId
          + "\"},\"domicile\":\""
          + domicile
          + "\",\"businessScope\":\"行业服务、交流合作、咨询培训\","
          + "\"registeredFunds\":"
          + funds
          + ",\"registrationAuthority\":\""
          + authority
          + "\",\"establishmentDate\":\""
          + established
          + "\""
          + transfer
          + "}";
    }
  }

  private void run(int count) {
    List<Divisions.District> districts = Divisions.districts();
    Map<Province, List<Divisions.District>> byProvince = new EnumMap<>(Province.class);
    districts.forEach(
        d ->
            byProvince
                .computeIfAbsent(
                    Province.ofDivisionCode(d.code()).orElseThrow(), p -> new ArrayList<>())
                .add(d));
    out.printf(
        "%nLoading %,d demo organizations through the registries' bulk-import API …%n", count);
    Map<Province, List<Org>> all = new EnumMap<>(Province.class);
    for (Province province : Province.values()) {
      int share = count / 4 + (province.ordinal() < count % 4 ? 1 : 0);
      List<Org> orgs = new ArrayList<>(share);
      for (int i = 0; i < share; i++) {
        orgs.add(org(province, byProvince.get(province), category(), null));
      }
      importAll(province, orgs);
      all.put(province, orgs);
    }
    int graded = awardGrades(all);
    out.printf(
        "Graded 5A: %d of %,d (%.2f%%, the delta's real share is 1.44%%)%n",
        graded, count, 100.0 * graded / count);
    seedConflicts(byProvince);
  }

  private Org org(
      Province province, List<Divisions.District> districts, OrgCategory category, String repId) {
    Divisions.District d = districts.get(random.nextInt(districts.size()));
    String region = province == Province.SH ? d.provinceName() : d.cityName();
    String field = FIELDS[random.nextInt(FIELDS.length)];
    String name =
        switch (category) {
          case SOCIAL_GROUP -> region + field + GROUP_FORMS[random.nextInt(GROUP_FORMS.length)];
          case FOUNDATION ->
              d.provinceName() + TRADE_NAMES[random.nextInt(TRADE_NAMES.length)] + field + "基金会";
          default ->
              region
                  + TRADE_NAMES[random.nextInt(TRADE_NAMES.length)]
                  + field
                  + INSTITUTION_FORMS[random.nextInt(INSTITUTION_FORMS.length)];
        };
    name = unique(name);
    long funds =
        switch (category) {
          case FOUNDATION -> 2_000_000L + random.nextInt(18) * 1_000_000L;
          case SOCIAL_GROUP -> 30_000L + random.nextInt(50) * 10_000L;
          default -> 30_000L + random.nextInt(100) * 10_000L;
        };
    String authority =
        province == Province.SH
            ? "上海市民政局"
            : random.nextInt(4) == 0 ? d.provinceName() + "民政厅" : d.cityName() + "民政局";
    String id =
        repId != null
            ? repId
            : ResidentIdNumber.compose(
                d.code(),
                // Born by 1980, so every representative is an adult on any establishment date
                // below (R-PERSON-02).
                LocalDate.of(1950, 1, 1).plusDays(random.nextInt(11_000)),
                random.nextInt(1000));
    String rep = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    return new Org(
        province,
        UsccGenerator.generate(province, d.code(), category, serial.incrementAndGet()).value(),
        name,
        category,
        rep,
        id,
        d.cityName() + d.name() + (1 + random.nextInt(999)) + "号",
        funds,
        authority,
        LocalDate.of(2000, 1, 1).plusDays(random.nextInt(8_700)));
  }

  private String unique(String name) {
    String candidate = name;
    for (int n = 2; !names.add(candidate); n++) {
      candidate =
          name.replaceFirst(
              "(协会|商会|学会|研究会|促进会|联合会|基金会|服务中心|研究院|培训中心|社会工作服务社|发展中心)$", "第" + n + "$1");
    }
    return candidate;
  }

  private OrgCategory category() {
    int r = random.nextInt(100);
    return r < 45
        ? OrgCategory.SOCIAL_GROUP
        : r < 95 ? OrgCategory.SOCIAL_SERVICE_INSTITUTION : OrgCategory.FOUNDATION;
  }

  private void importAll(Province province, List<Org> orgs) {
    StringBuilder file = new StringBuilder();
    int step = Math.max(1, orgs.size() / 20);
    for (int i = 0; i < orgs.size(); i++) {
      file.append(orgs.get(i).json(null)).append('\n');
      if ((i + 1) % step == 0 || i + 1 == orgs.size()) {
        int pct = (int) (100L * (i + 1) / orgs.size());
        out.printf("\r  %s [%-20s] %3d%% prepared", province, "#".repeat(pct / 5), pct);
      }
    }
    String report =
        post(
            federation.registryUrl(province) + "/api/v1/registrations/import",
            Roles.REGISTRAR,
            province,
            "application/x-ndjson",
            file.toString());
    Matcher m = COUNT.matcher(report);
    StringBuilder counts = new StringBuilder();
    while (m.find()) {
      counts.append(m.group(1)).append(' ').append(m.group(2)).append("  ");
    }
    out.printf(
        "\r  %s [%-20s] 100%% imported: %s%n", province, "#".repeat(20), counts.toString().strip());
  }

  private int awardGrades(Map<Province, List<Org>> all) {
    int fiveA = 0;
    for (List<Org> orgs : all.values()) {
      for (Org org : orgs) {
        double r = random.nextDouble();
        int level = r < FIVE_A_SHARE ? 5 : r < 0.06 ? 4 : r < 0.12 ? 3 : 0;
        if (level > 0) {
          grade(org, level, LocalDate.now().minusDays(30 + random.nextInt(1400)));
          fiveA += level == 5 ? 1 : 0;
        }
      }
    }
    return fiveA;
  }

  private void seedConflicts(Map<Province, List<Divisions.District>> byProvince) {
    out.println("\nSeeded cross-province conflicts (recognition flags them within seconds):");
    // DUPLICATE_REGISTRATION: Jiangsu records a transfer-in while Shanghai still holds the code
    // ACTIVE.
    Org dup = org(Province.SH, byProvince.get(Province.SH), OrgCategory.SOCIAL_GROUP, null);
    register(dup, null);
    awaitRecognized(dup);
    Org dupCopy =
        new Org(
            Province.JS,
            dup.uscc(),
            unique("苏州市" + dup.name().substring(3)),
            dup.category(),
            dup.repName(),
            dup.repId(),
            "苏州市工业园区星湖街1号",
            dup.funds(),
            "苏州市民政局",
            dup.established());
    Answer dupCheck = register(dupCopy, "SH");
    out.printf("  DUPLICATE_REGISTRATION  %s active in SH and JS%n", dup.uscc());
    checked(dupCheck);
    // NAME_COLLISION: one name, no region prefix to tell them apart, in Shanghai and Zhejiang.
    String shared = unique("长三角人工智能产业联盟");
    Org sh =
        withName(
            org(Province.SH, byProvince.get(Province.SH), OrgCategory.SOCIAL_GROUP, null), shared);
    Org zj =
        withName(
            org(Province.ZJ, byProvince.get(Province.ZJ), OrgCategory.SOCIAL_GROUP, null),
            "長三角 人工智能產業聯盟");
    register(sh, null);
    awaitRecognized(sh);
    Answer zjCheck = register(zj, null);
    out.printf(
        "  NAME_COLLISION          %s (SH) and %s (ZJ): %s / %s%n",
        sh.uscc(), zj.uscc(), sh.name(), zj.name());
    checked(zjCheck);
    // LEGAL_REP_CONCURRENT: one person leads social groups in Shanghai and Jiangsu.
    String person = ResidentIdNumber.compose("310115", LocalDate.of(1968, 3, 8), 17);
    Org a = org(Province.SH, byProvince.get(Province.SH), OrgCategory.SOCIAL_GROUP, person);
    Org b = org(Province.JS, byProvince.get(Province.JS), OrgCategory.SOCIAL_GROUP, person);
    register(a, null);
    awaitRecognized(a);
    Answer bCheck = register(b, null);
    out.printf(
        "  LEGAL_REP_CONCURRENT    %s (SH) and %s (JS) share a legal representative%n",
        a.uscc(), b.uscc());
    checked(bCheck);
    // LEGAL_REP_BARRED: Anhui revokes an organization whose representative leads a Zhejiang
    // foundation.
    String barred = ResidentIdNumber.compose("340104", LocalDate.of(1972, 11, 2), 33);
    Org revoked =
        org(
            Province.AH,
            byProvince.get(Province.AH),
            OrgCategory.SOCIAL_SERVICE_INSTITUTION,
            barred);
    Org foundation = org(Province.ZJ, byProvince.get(Province.ZJ), OrgCategory.FOUNDATION, barred);
    register(revoked, null);
    register(foundation, null);
    revoke(revoked, LocalDate.now().minusMonths(3));
    out.printf(
        "  LEGAL_REP_BARRED        %s (ZJ foundation) led by the representative of revoked %s (AH), HIGH%n",
        foundation.uscc(), revoked.uscc());
    unseenByTheCheck("raised by the revocation, after both registrations");
    // STATUS_DIVERGENCE: Shanghai revokes a code that Zhejiang also holds ACTIVE (after a
    // transfer-in).
    Org home =
        org(Province.SH, byProvince.get(Province.SH), OrgCategory.SOCIAL_SERVICE_INSTITUTION, null);
    register(home, null);
    awaitRecognized(home);
    Answer transferCheck =
        register(
            new Org(
                Province.ZJ,
                home.uscc(),
                unique("杭州市" + home.name().substring(3)),
                home.category(),
                home.repName(),
                home.repId(),
                "杭州市西湖区文三路1号",
                home.funds(),
                "杭州市民政局",
                home.established()),
            "SH");
    revoke(home, LocalDate.now().minusDays(7));
    out.printf("  STATUS_DIVERGENCE       %s revoked in SH, still active in ZJ%n", home.uscc());
    unseenByTheCheck(
        "raised by the revocation; the transfer-in before it: " + transferCheck.clearance());
    // SANCTION_RATING: a 4A organization put on the abnormal-activity list.
    Org rated = org(Province.AH, byProvince.get(Province.AH), OrgCategory.SOCIAL_GROUP, null);
    register(rated, null);
    grade(rated, 4, LocalDate.now().minusYears(1));
    post(
        federation.registryUrl(Province.AH)
            + "/api/v1/registrations/"
            + rated.uscc()
            + "/abnormal-list",
        Roles.SUPERVISOR,
        Province.AH,
        "application/json",
        "{\"reasonCode\":\"ANNUAL_REPORT_MISSING\",\"date\":\""
            + LocalDate.now().minusDays(2)
            + "\",\"decisionNumber\":\"皖民异〔2026〕5号\",\"reason\":\"未按时提交年度工作报告\"}");
    out.printf(
        "  SANCTION_RATING         %s keeps a valid 4A while on the abnormal list%n", rated.uscc());
    unseenByTheCheck("raised by a supervision measure, not a registration");
    // A registry in REFUSE_HIGH mode (the launcher's Anhui) refuses what would collide: prevented.
    Org original = org(Province.JS, byProvince.get(Province.JS), OrgCategory.SOCIAL_GROUP, null);
    register(original, null);
    awaitRecognized(original);
    Org copy =
        withName(
            org(Province.AH, byProvince.get(Province.AH), OrgCategory.SOCIAL_GROUP, null),
            original.name());
    Answer copyCheck = register(copy, null);
    out.printf(
        "  NAME_COLLISION          %s (JS) and, asked to register the same name, Anhui: %s%n",
        original.uscc(), original.name());
    checked(copyCheck);
    out.printf(
        "%nCheck before registering (登记前核查): of %d seeded conflicts, %d are raised by a"
            + " registration; the check flagged %d of them (%d refused, so prevented). The other"
            + " %d come from a revocation or a supervision measure, after registration.%n",
        clearances.seeded(),
        clearances.raisedByRegistration(),
        clearances.flagged(),
        clearances.refused(),
        clearances.seeded() - clearances.raisedByRegistration());
    out.println(
        "  (REGION_MISMATCH and SEQUENCE_GAP cannot be produced through these registries: they refuse foreign"
            + " codes without a transfer and publish gap-free sequences; the recognition tests cover both.)");
  }

  private Org withName(Org org, String name) {
    return new Org(
        org.province(),
        org.uscc(),
        name,
        org.category(),
        org.repName(),
        org.repId(),
        org.domicile(),
        org.funds(),
        org.authority(),
        org.established());
  }

  /** Registers; a 409 from a registry that refuses HIGH conflicts is an answer, not a failure. */
  private Answer register(Org org, String transferFrom) {
    HttpResponse<String> response =
        send(
            federation.registryUrl(org.province()) + "/api/v1/registrations",
            Roles.REGISTRAR,
            org.province(),
            "application/json",
            org.json(transferFrom));
    Answer answer = new Answer(response.statusCode(), response.body());
    if (answer.status() != 201 && !answer.refused()) {
      throw new IllegalStateException(
          "registering " + org.uscc() + " → " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  /**
   * Waits until recognition has consumed a registration: the check before registering answers from
   * what the federation holds, and a second registration moments after the first would not see it.
   */
  private void awaitRecognized(Org org) {
    URI uri = URI.create(federation.url("recognition") + "/api/v1/organizations/" + org.uscc());
    String mark = "\"province\":\"" + org.province() + "\"";
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + federation.token(Roles.AUDITOR, null))
            .GET()
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200 && r.body().contains(mark)) {
          return;
        }
        Thread.sleep(100);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("recognition did not take in " + org.uscc() + " within 60 s");
  }

  /** A seeded conflict that a registration raises: what the check before it answered. */
  private void checked(Answer answer) {
    out.printf("      check before registering: %s%n", answer.clearance());
    clearances =
        new Clearances(
            clearances.seeded() + 1,
            clearances.raisedByRegistration() + 1,
            clearances.flagged() + (answer.flagged() ? 1 : 0),
            clearances.refused() + (answer.refused() ? 1 : 0));
  }

  /** A seeded conflict that something other than a registration raises. */
  private void unseenByTheCheck(String why) {
    out.printf("      check before registering: cannot see it (%s)%n", why);
    clearances =
        new Clearances(
            clearances.seeded() + 1,
            clearances.raisedByRegistration(),
            clearances.flagged(),
            clearances.refused());
  }

  private void revoke(Org org, LocalDate date) {
    post(
        federation.registryUrl(org.province())
            + "/api/v1/registrations/"
            + org.uscc()
            + "/revocation",
        Roles.REGISTRAR,
        org.province(),
        "application/json",
        "{\"date\":\""
            + date
            + "\",\"reason\":\"严重违反章程\",\"decisionNumber\":\"撤〔"
            + date.getYear()
            + "〕"
            + (1 + random.nextInt(99))
            + "号\"}");
  }

  /** Awards a grade, after the annual inspection of the year before that an award needs. */
  private void grade(Org org, int level, LocalDate awardedOn) {
    int lastYear = awardedOn.getYear() - 1;
    if (org.established().getYear() <= lastYear) {
      post(
          federation.registryUrl(org.province())
              + "/api/v1/registrations/"
              + org.uscc()
              + "/annual-inspections",
          Roles.SUPERVISOR,
          org.province(),
          "application/json",
          "{\"year\":"
              + lastYear
              + ",\"result\":\"QUALIFIED\",\"date\":\""
              + awardedOn.minusDays(1)
              + "\"}");
    }
    post(
        federation.registryUrl(org.province()) + "/api/v1/registrations/" + org.uscc() + "/grade",
        Roles.SUPERVISOR,
        org.province(),
        "application/json",
        "{\"level\":"
            + level
            + ",\"awardedOn\":\""
            + awardedOn
            + "\",\"decisionNumber\":\"评〔"
            + awardedOn.getYear()
            + "〕"
            + (1 + random.nextInt(99))
            + "号\"}");
  }

  private String post(String url, String role, Province province, String type, String body) {
    HttpResponse<String> response = send(url, role, province, type, body);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "POST " + url + " → " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private HttpResponse<String> send(
      String url, String role, Province province, String type, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + federation.token(role, province))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
