package triage.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import triage.incidents.IncidentService;
import triage.incidents.IncidentStore;
import triage.incidents.NotificationConfig;
import triage.server.ServerConfig;
import triage.server.TriageServer;
import triage.testing.TestTriage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver), driven by
 * Selenium: sign in with the service token, upload a public case, walk a consultation by clicking,
 * see a webhook's incident appear without reloading, evidence HTML shown as text, CSRF enforced.
 * Screenshots of the four pages land in target/web-screenshots/.
 */
class WebConsoleBrowserTest {

    static final String TOKEN = "browser-test-token-0123456789";
    static final Path SHOTS = TestTriage.projectRoot().resolve("target/web-screenshots");
    static final Path CASES = TestTriage.projectRoot().resolve("../shared/cases").normalize();

    static Path dir;
    static IncidentService incidents;
    static TriageServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean binaries = Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        Assumptions.assumeTrue(binaries, "browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver "
                + "(apt-get install chromium chromium-driver)");
        dir = Files.createTempDirectory("triage-web");
        incidents = new IncidentService(IncidentStore.open(dir.resolve("web.db").toString(), null), NotificationConfig.none());
        server = TriageServer.start(TestTriage.get(), ServerConfig.defaults().withBind("127.0.0.1").withPort(0).withToken(TOKEN),
                Optional.of(incidents));
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
        browser.get(server.url() + "/ui/");
        assertThat(browser.getCurrentUrl()).endsWith("/ui/login");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(10).until(ExpectedConditions.urlToBe(server.url() + "/ui/"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (incidents != null) {
            incidents.close();
        }
    }

    static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    @Test
    void anUploadedPublicCaseShowsItsExpectedCauseFirst() throws Exception {
        Path evidence = CASES.resolve("hft-binance-lot-size-rejections/evidence");
        Assumptions.assumeTrue(Files.isDirectory(evidence) || System.getenv("CI") != null, "../shared/cases is not beside the project");
        browser.get(server.url() + "/ui/diagnose");
        screenshot("diagnose");
        List<String> files;
        try (Stream<Path> s = Files.list(evidence)) {
            files = s.map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
        browser.findElement(By.id("files")).sendKeys(String.join("\n", files));
        browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
        wait(60).until(ExpectedConditions.urlMatches("/ui/incidents/\\d+$"));
        WebElement first = browser.findElement(By.cssSelector("ol.causes > li.cause"));
        assertThat(first.getAttribute("data-cause")).isEqualTo("orders.lot-size-violation");
        assertThat(browser.findElements(By.cssSelector("ul.evidence li"))).isNotEmpty();
        screenshot("incident");
    }

    @Test
    void aConsultationReachesTheApiKeyInvalidLeafOfGuide003Section22ByClicking() throws Exception {
        Set<String> yes = Set.of("auth.api-key-rejected");
        Set<String> no = Set.of("network.exchange-unreachable", "network.dns-lookup-failed", "network.connect-timeout",
                "network.tls-handshake-failed", "exchange.api-unavailable");
        browser.get(server.url() + "/ui/consult");
        browser.findElement(By.cssSelector("button[data-complaint='exchange-connection-failed']")).click();
        int clicks = 0;
        while (browser.findElements(By.cssSelector(".ended")).isEmpty()) {
            assertThat(clicks).as("questions asked").isLessThan(10);
            WebElement q = wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".question")));
            if (clicks == 0) {
                screenshot("consult");
            }
            String symptom = q.getAttribute("data-symptom");
            String answer = yes.contains(symptom) ? "yes" : no.contains(symptom) ? "no" : "unknown";
            q.findElement(By.cssSelector("button[name=action][value=" + answer + "]")).click();
            clicks++;
            wait(30).until(d -> !d.findElements(By.cssSelector(".ended")).isEmpty()
                    || !d.findElements(By.cssSelector(".question")).isEmpty());
        }
        assertThat(browser.findElement(By.cssSelector(".ended ol.causes > li.cause")).getAttribute("data-cause"))
                .isEqualTo("auth.exchange-api-key-invalid");
        assertThat(clicks).isLessThanOrEqualTo(4);
    }

    @Test
    void aWebhookAppearsOnTheIncidentsPageWithoutReloading() throws Exception {
        browser.get(server.url() + "/ui/");
        int before = browser.findElements(By.cssSelector("#incident-rows tr[data-incident]")).size();
        byte[] payload = Files.readAllBytes(TestTriage.projectRoot().resolve("samples/alertmanager-webhook.json"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/alertmanager"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        wait(15).until(d -> d.findElements(By.cssSelector("#incident-rows tr[data-incident]")).size() > before);
        assertThat(browser.findElement(By.id("incident-rows")).getText()).contains("exchange.rate-limited");
        screenshot("incidents");
    }

    @Test
    void htmlAndScriptInAnEvidenceLineShowAsTextAndNothingRuns() {
        browser.get(server.url() + "/ui/diagnose");
        String line = "2026-12-03 09:10:0%d ERROR binance 429 Too Many Requests <script>window.__pwned=1</script><b id=\"injected\">x</b>";
        String text = String.format(line, 1) + "\n" + String.format(line, 2) + "\n" + String.format(line, 3) + "\n";
        ((JavascriptExecutor) browser).executeScript("document.getElementById('text').value = arguments[0];", text);
        browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
        wait(60).until(ExpectedConditions.urlMatches("/ui/incidents/\\d+$"));
        assertThat(browser.findElement(By.cssSelector("ul.evidence")).getText()).contains("<script>window.__pwned=1</script>");
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined;")).isEqualTo(true);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        browser.get(server.url() + "/ui/consult");
        Cookie session = browser.manage().getCookieNamed("triage_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        String csrf = browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(server.url() + "/ui/consult"))
                .header("Cookie", "triage_session=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> without = http.send(post.POST(HttpRequest.BodyPublishers.ofString(
                "complaint=exchange-connection-failed", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).isEqualTo(403);
        HttpResponse<String> with = http.send(post.POST(HttpRequest.BodyPublishers.ofString(
                "complaint=exchange-connection-failed&csrf=" + csrf, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).isEqualTo(303);
        assertThat(without.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }
}
