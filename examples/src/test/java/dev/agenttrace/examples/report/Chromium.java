package dev.agenttrace.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Debian Chromium driven through the Debian chromedriver (never a downloaded browser): shared by the
 * tests of one class, with a fresh empty profile. Skips the tests when Chromium is not installed — except in CI
 * ({@code CI=true}), where a missing browser fails them.
 */
final class Chromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** A page probe collecting Content-Security-Policy violations in {@code window.__violations}. */
  static final String POLICY_VIOLATION_PROBE = "window.__violations = [];"
      + "document.addEventListener('securitypolicyviolation', function (e) {"
      + "  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });";

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips the calling tests when it is not installed outside CI. */
  static Chromium start() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!installed && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("Skipping browser tests: " + BROWSER + " or " + DRIVER + " is missing "
          + "(apt-get install -y chromium chromium-driver); in CI (CI=true) they run and fail instead");
    }
    if (!installed) {
      throw new IllegalStateException("CI=true but " + BROWSER + " / " + DRIVER + " are missing: .ci/run installs "
          + "them with apt-get install -y chromium chromium-driver");
    }
    try {
      Path profile = Files.createTempDirectory("agenttrace-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu",
          "--window-size=1440,900", "--user-data-dir=" + profile);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
      return new Chromium(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens {@code file} and drops earlier console output; returns the driver. */
  ChromeDriver open(Path file) {
    consoleMessages();
    driver.get(file.toUri().toString());
    return driver;
  }

  /** Registers a script that runs before any page script of the next documents (a listener, a probe). */
  void beforeEveryPage(String script) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The console messages since the last call (errors, warnings, logs). */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::toString).toList();
  }

  /** Saves a screenshot of the window as PNG. */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
