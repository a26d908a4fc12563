package cn.yrd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.Roles;
import cn.yrd.local.DemoData;
import cn.yrd.local.Federation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in real headless Chromium against the whole federation: sign in with a
 * token, see the overview and its map, open a conflict and resolve it until it leaves the open
 * queue, try every conflict filter, grant a recognition left for review, verify an organization's
 * audit trail and a recognition's evidence in the browser, and find that another province's officer
 * is not offered the actions. Saves a screenshot of each page to {@code docs/console/}. Runs with
 * {@code -Pconsole} (Debian's chromium and chromium-driver).
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  private static Federation federation;
  private static WebDriver browser;
  private static WebDriverWait wait;
  private static String shUscc;
  private static String conflictId;
  private static String recognitionId;
  private static String zjUscc;

  @BeforeAll
  static void start() {
    federation = TestFederation.start("federation-console");
    // The launcher's demo data, so that every page (and its screenshot) shows a working delta.
    DemoData.load(federation, 800, System.out);
    String person = ResidentIdNumber.compose("310104", LocalDate.of(1971, 3, 9), 55);
    shUscc = TestFederation.register(federation, Province.SH, "310104", person);
    String jsUscc = TestFederation.register(federation, Province.JS, "320583", person);
    zjUscc = TestFederation.register(federation, Province.ZJ, "330106", null);
    TestFederation.register(federation, Province.AH, "340104", null);
    LocalDate awardedOn = LocalDate.now().minusDays(30);
    HttpResponse<String> inspection =
        Http.send(
            "POST",
            federation.registryUrl(Province.SH)
                + "/api/v1/registrations/"
                + shUscc
                + "/annual-inspections",
            federation.token(Roles.SUPERVISOR, Province.SH),
            "application/json",
            "{\"year\":"
                + (awardedOn.getYear() - 1)
                + ",\"result\":\"QUALIFIED\",\"date\":\""
                + awardedOn.minusDays(1)
                + "\"}");
    assertThat(inspection.statusCode()).as(inspection.body()).isEqualTo(200);
    HttpResponse<String> grade =
        Http.send(
            "POST",
            federation.registryUrl(Province.SH) + "/api/v1/registrations/" + shUscc + "/grade",
            federation.token(Roles.SUPERVISOR, Province.SH),
            "application/json",
            "{\"level\":5,\"awardedOn\":\"" + awardedOn + "\",\"decisionNumber\":\"沪民评〔2026〕1号\"}");
    assertThat(grade.statusCode()).as(grade.body()).isBetween(200, 201);
    conflictId = TestFederation.awaitConflictOf(federation, shUscc);
    recognitionId = TestFederation.requestRecognition(federation, Province.JS, jsUscc, Province.SH);
    TestFederation.awaitAuditTrail(federation, shUscc, 2);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("yrd.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("yrd.chromedriver", "/usr/bin/chromedriver")).toFile())
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (federation != null) {
      federation.close();
    }
  }

  /** Opens the console afresh and signs in with a token. */
  private static void signIn(String token) {
    String config =
        "{\"registries\":{"
            + "\"SH\":\""
            + federation.registryUrl(Province.SH)
            + "\"},\"recognition\":\""
            + federation.url("recognition")
            + "\",\"audit\":\""
            + federation.url("audit")
            + "\"}";
    browser.get(federation.consoleUrl() + "/index.html");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
    browser.get(
        federation.consoleUrl()
            + "/index.html?config="
            + Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8))
            + "#/sign-in");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('token').value = arguments[0];", token);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
  }

  private static void screenshot(String name) throws Exception {
    Path dir = TestFederation.root().resolve("docs/console");
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @Order(1)
  void signingInShowsTheOverviewWithTheMapOfTheDelta() throws Exception {
    browser.get(federation.consoleUrl() + "/index.html");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    assertThat(browser.findElements(By.cssSelector("#nav a")))
        .as("nothing without a token")
        .isEmpty();
    screenshot("sign-in");

    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.SH));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".delta-map")));
    assertThat(browser.findElements(By.cssSelector("tr[data-province]"))).hasSize(4);
    assertThat(browser.findElement(By.cssSelector("tr[data-province='SH'] .five-a")).getText())
        .isNotEqualTo("0");
    assertThat(browser.findElements(By.cssSelector(".delta-map .city"))).hasSize(41);
    assertThat(
            Integer.parseInt(
                browser
                    .findElement(By.cssSelector(".delta-map .city[data-city='3101']"))
                    .getAttribute("data-five-a")))
        .as("the 5A organization graded in Shanghai is on the map")
        .isPositive();
    assertThat(browser.findElements(By.cssSelector(".delta-map .arc[data-pair='JS-SH']")))
        .isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".consumer-lag")).getText()).contains("条事件未处理");
    // Overdue HIGH notifications (none yet: 4 h are allowed) are counted on the overview.
    assertThat(browser.findElement(By.id("overdue-count")).getText()).isEqualTo("0");
    screenshot("overview");

    browser.findElement(By.id("lang")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Conflicts"));
    browser.findElement(By.id("lang")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "冲突队列"));
  }

  @Test
  @Order(2)
  void anotherProvincesOfficerIsNotOfferedTheActions() {
    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.AH));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/conflicts/" + conflictId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-allowed")));
    assertThat(browser.findElements(By.cssSelector("[data-act]"))).isEmpty();
  }

  @Test
  @Order(3)
  void anOfficerResolvesAConflictAndItLeavesTheOpenQueue() throws Exception {
    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.SH));
    String base = browser.getCurrentUrl().split("#")[0];
    browser.get(base + "#/conflicts");
    By row = By.cssSelector("#conflict-list tr[data-id='" + conflictId + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    screenshot("conflicts");
    // The queue re-renders whenever the feed reports a conflict change: click the link of whichever
    // rendering is current.
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(row).findElement(By.tagName("a")).click();
              return true;
            });
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-act='resolve']")));
    assertThat(browser.findElements(By.cssSelector(".side-by-side tr.differs")))
        .as("the two provinces' records differ in name")
        .isNotEmpty();
    screenshot("conflict");
    browser.findElement(By.id("note")).sendKeys("已核实：同一人担任两地社团法定代表人，已告知两地登记机关");
    browser.findElement(By.cssSelector("[data-act='resolve']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict-list")));
    wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
  }

  @Test
  @Order(4)
  void anOrganizationsAuditTrailVerifiesInTheBrowser() throws Exception {
    signIn(federation.token(Roles.AUDITOR, null));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/organizations/" + shUscc);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("verify"))).click();
    wait.until(
        ExpectedConditions.attributeToBeNotEmpty(
            browser.findElement(By.id("verify-summary")), "data-verified"));
    int rows = browser.findElements(By.cssSelector("#trail tr[data-event]")).size();
    assertThat(rows).isGreaterThanOrEqualTo(2);
    assertThat(browser.findElement(By.id("verify-summary")).getAttribute("data-verified"))
        .isEqualTo(Integer.toString(rows));
    assertThat(browser.findElements(By.cssSelector("#trail .result.ok"))).hasSize(rows);
    screenshot("organization");
  }

  @Test
  @Order(5)
  void theRecognitionRequestsAreListed() throws Exception {
    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.SH));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/recognitions");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#recognition-list tr[data-id]")));
    screenshot("recognitions");
  }

  @Test
  @Order(6)
  void aRecognitionsEvidenceIsCheckedOfflineInTheBrowserAndAnAlteredByteIsNamed() throws Exception {
    String audit = federation.url("audit");
    String auditor = federation.token(Roles.AUDITOR, null);
    HttpResponse<String> evidence = null;
    for (int i = 0; i < 60 && (evidence == null || evidence.statusCode() != 200); i++) {
      if (evidence != null) {
        Thread.sleep(500);
      }
      evidence =
          Http.send(
              "GET",
              audit + "/api/v1/recognitions/" + recognitionId + "/evidence",
              auditor,
              null,
              null);
    }
    assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
    Path dir = Files.createTempDirectory("evidence");
    Path file = Files.writeString(dir.resolve("recognition.evidence"), evidence.body());
    Path policy =
        Files.writeString(
            dir.resolve("witness-policy.txt"),
            Http.send("GET", audit + "/api/v1/witness-policy", auditor, null, null).body());
    int extra = evidence.body().indexOf("\nextra ") + 20;
    char swapped = evidence.body().charAt(extra) == 'A' ? 'B' : 'A';
    Path altered =
        Files.writeString(
            dir.resolve("altered.evidence"),
            evidence.body().substring(0, extra) + swapped + evidence.body().substring(extra + 1));

    signIn(auditor);
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/evidence");
    checkInBrowser(file, policy);
    assertThat(browser.findElement(By.id("evidence-verdict")).getAttribute("data-ok"))
        .as(browser.findElement(By.id("evidence-result")).getText())
        .isEqualTo("true");
    assertThat(browser.findElements(By.cssSelector("#evidence-events tr")))
        .hasSizeGreaterThanOrEqualTo(3);
    screenshot("evidence");

    checkInBrowser(altered, policy);
    assertThat(browser.findElement(By.id("evidence-verdict")).getAttribute("data-ok"))
        .isEqualTo("false");
    assertThat(browser.findElement(By.id("evidence-failures")).getText())
        .startsWith("proof 1 (index ")
        .contains("its inclusion proof does not lead to the checkpoint's root");
  }

  @Test
  @Order(7)
  void everyConflictFilterValueComesFromTheContractAndIsAccepted() {
    signIn(federation.token(Roles.AUDITOR, null));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/conflicts");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict-list")));
    assertThat(
            browser.findElements(By.cssSelector("select[name='type'] option")).stream()
                .map(o -> o.getAttribute("value"))
                .toList())
        .containsExactly(
            "",
            "DUPLICATE_REGISTRATION",
            "REGION_MISMATCH",
            "NAME_COLLISION",
            "LEGAL_REP_CONCURRENT",
            "LEGAL_REP_BARRED",
            "STATUS_DIVERGENCE",
            "SANCTION_RATING",
            "SEQUENCE_GAP");
    // The list re-renders on conflict changes: every lookup tolerates a rendering replaced under
    // it.
    WebDriverWait fresh = new WebDriverWait(browser, Duration.ofSeconds(30));
    fresh.ignoring(StaleElementReferenceException.class);
    List<String> columns = List.of("type", "severity", "status", "province");
    for (String filter : columns) {
      String select = "select[name='" + filter + "'] ";
      List<List<String>> choices =
          fresh.until(
              d ->
                  d.findElements(By.cssSelector(select + "option")).stream()
                      .skip(1)
                      .map(o -> List.of(o.getAttribute("value"), o.getText()))
                      .toList());
      int rowsSeen = 0;
      for (List<String> choice : choices) {
        String value = choice.get(0);
        String label = choice.get(1);
        assertThat(label).as("a label, not the raw value %s", value).isNotEqualTo(value);
        fresh.until(
            d -> {
              d.findElement(By.cssSelector(select + "option[value='" + value + "']")).click();
              return true;
            });
        // The attribute, not the property: only a rendering of the filtered list carries it.
        By chosen = By.cssSelector(select + "option[value='" + value + "'][selected]");
        List<String> cells =
            fresh.until(
                d ->
                    d.findElements(chosen).isEmpty()
                        ? null
                        : d.findElements(By.cssSelector("#conflict-list tr[data-id]")).stream()
                            .map(
                                r ->
                                    r.findElements(By.tagName("td"))
                                        .get(columns.indexOf(filter))
                                        .getText())
                            .toList());
        assertThat(browser.getCurrentUrl()).contains(filter + "=" + value);
        assertThat(browser.findElements(By.cssSelector(".error")))
            .as("filter %s=%s", filter, value)
            .isEmpty();
        assertThat(cells)
            .as("every row listed under %s=%s", filter, value)
            .allSatisfy(
                cell -> assertThat(cell).contains(filter.equals("province") ? value : label));
        rowsSeen += cells.size();
      }
      assertThat(rowsSeen).as("rows found by some value of %s", filter).isPositive();
      fresh.until(
          d -> {
            d.findElements(By.cssSelector(select + "option")).get(0).click();
            return true;
          });
      wait.until(d -> !d.getCurrentUrl().contains(filter + "="));
    }
  }

  @Test
  @Order(8)
  void anOfficerWhoMayNotReadTheAuditTrailIsToldSoNotThatItIsEmpty() {
    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.SH));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/organizations/" + shUscc);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trail .not-allowed")));
  }

  @Test
  @Order(9)
  void theHostProvincesOfficerGrantsARequestLeftForReviewWithANote() {
    // An abnormal-listed organization is left for a host officer to decide (R-RECOG-04).
    HttpResponse<String> listed =
        Http.send(
            "POST",
            federation.registryUrl(Province.ZJ)
                + "/api/v1/registrations/"
                + zjUscc
                + "/abnormal-list",
            federation.token(Roles.SUPERVISOR, Province.ZJ),
            "application/json",
            "{\"date\":\""
                + LocalDate.now()
                + "\",\"decisionNumber\":\"浙民异〔2026〕3号\",\"reason\":\"通过登记的住所无法联系\","
                + "\"reasonCode\":\"UNREACHABLE_AT_DOMICILE\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    String auditor = federation.token(Roles.AUDITOR, null);
    String view = federation.url("recognition") + "/api/v1/organizations/" + zjUscc;
    TestFederation.await(
        () ->
            TestFederation.json(Http.get(view, auditor))
                .path("records")
                .path(0)
                .path("state")
                .path("abnormalListed")
                .asBoolean(),
        Duration.ofSeconds(60),
        "the ZJ listing in the cross-province view");
    String pending =
        TestFederation.requestRecognition(federation, Province.ZJ, zjUscc, Province.SH);

    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.SH));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/recognitions");
    By row = By.cssSelector("#recognition-list tr[data-id='" + pending + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    browser.findElement(row).findElement(By.cssSelector(".decision-note")).sendKeys("已电话核实住所");
    browser.findElement(row).findElement(By.cssSelector("[data-decide='GRANTED']")).click();
    wait.until(
        d ->
            d.findElements(row).size() == 1
                && d.findElement(row).findElements(By.cssSelector("[data-decide]")).isEmpty());

    JsonNode decided =
        TestFederation.json(
            Http.get(federation.url("recognition") + "/api/v1/recognitions/" + pending, auditor));
    assertThat(decided.path("status").asText()).isEqualTo("GRANTED");
    assertThat(decided.path("decidedBy").asText()).isNotEqualTo("AUTO").isNotBlank();
    assertThat(decided.path("note").asText()).isEqualTo("已电话核实住所");
  }

  @Test
  @Order(10)
  void theConflictQueueShowsANewConflictByItselfFollowingTheChangeFeed() {
    signIn(federation.token(Roles.RECOGNITION_OFFICER, Province.ZJ));
    browser.get(browser.getCurrentUrl().split("#")[0] + "#/conflicts");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict-list")));
    // The live mark turns connected once the page follows the change feed.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".live.connected")));

    String person = ResidentIdNumber.compose("330106", LocalDate.of(1968, 11, 2), 31);
    String zjUscc = TestFederation.register(federation, Province.ZJ, "330106", person);
    TestFederation.register(federation, Province.AH, "340104", person);
    String conflict = TestFederation.awaitConflictOf(federation, zjUscc);

    // No reload, no navigation: the page renders again when the feed says a conflict changed.
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#conflict-list tr[data-id='" + conflict + "']")));
  }

  private static void checkInBrowser(Path evidence, Path policy) {
    browser.findElement(By.id("evidence-file")).sendKeys(evidence.toString());
    browser.findElement(By.id("policy-file")).sendKeys(policy.toString());
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('evidence-result').innerHTML = '';");
    browser.findElement(By.cssSelector("#evidence-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-verdict")));
  }
}
