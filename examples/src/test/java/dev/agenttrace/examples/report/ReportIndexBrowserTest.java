package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The run index in a real headless Chromium, from {@code file://}, under its Content-Security-Policy: the failed-only
 * and class filters hide rows, the columns sort both ways, a hostile class name stays text, and nothing violates
 * the policy or writes to the console.
 */
class ReportIndexBrowserTest extends BrowserTest {
  private static final String HOSTILE = "<img src=x onerror=\"window.__pwned='index'\">Test";

  @BeforeAll
  void listenForPolicyViolations() {
    chromium.beforeEveryPage(Chromium.POLICY_VIOLATION_PROBE);
  }

  @Test
  void filtersAndSortsWithoutViolatingThePolicy(@TempDir Path dir) {
    Path index = ReportIndex.write(dir, List.of(
        entry(dir, "com.example.WeatherTest", "answers", ReportInfo.Status.PASSED, 40),
        entry(dir, "com.example.WeatherTest", "forecast", ReportInfo.Status.FAILED, 1500),
        entry(dir, "com.example.FlightTest", "books", ReportInfo.Status.PASSED, 900),
        entry(dir, "com.example.FlightTest", "cancels", ReportInfo.Status.FAILED, 5),
        entry(dir, HOSTILE, "hostile", ReportInfo.Status.ABORTED, 300)));
    ChromeDriver page = chromium.open(index);
    assertThat(visibleTests(page)).containsExactly("hostile", "books", "cancels", "answers", "forecast");
    assertThat(page.findElement(By.id("shown")).getText()).isEqualTo("5 of 5 shown");

    page.findElement(By.id("failed-only")).click();
    assertThat(visibleTests(page)).containsExactly("cancels", "forecast");
    assertThat(page.findElement(By.id("shown")).getText()).isEqualTo("2 of 5 shown");

    Select classes = new Select(page.findElement(By.id("class-filter")));
    assertThat(classes.getOptions()).extracting(WebElement::getText)
        .containsExactly("all classes", HOSTILE, "com.example.FlightTest", "com.example.WeatherTest");
    classes.selectByVisibleText("com.example.WeatherTest");
    assertThat(visibleTests(page)).containsExactly("forecast");
    page.findElement(By.id("failed-only")).click();
    assertThat(visibleTests(page)).containsExactly("answers", "forecast");
    classes.selectByVisibleText("all classes");

    WebElement duration = header(page, "Duration");
    duration.findElement(By.tagName("button")).click();
    assertThat(visibleTests(page)).containsExactly("cancels", "answers", "hostile", "books", "forecast");
    assertThat(duration.getAttribute("aria-sort")).isEqualTo("ascending");
    duration.findElement(By.tagName("button")).click();
    assertThat(visibleTests(page)).containsExactly("forecast", "books", "hostile", "answers", "cancels");
    assertThat(duration.getAttribute("aria-sort")).isEqualTo("descending");
    header(page, "Test").findElement(By.tagName("button")).click();
    assertThat(visibleTests(page)).containsExactly("answers", "books", "cancels", "forecast", "hostile");
    assertThat(duration.getAttribute("aria-sort")).isNull();

    assertThat(chromium.script("return window.__pwned")).isNull();
    assertThat((List<?>) chromium.script("return window.__violations")).isEmpty();
    assertThat(page.findElements(By.tagName("img"))).isEmpty();
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  private static WebElement header(ChromeDriver page, String name) {
    return page.findElements(By.cssSelector("thead th")).stream()
        .filter(th -> name.equals(th.getDomProperty("textContent"))).findFirst().orElseThrow();
  }

  private static List<String> visibleTests(ChromeDriver page) {
    return page.findElements(By.cssSelector("tbody tr")).stream().filter(WebElement::isDisplayed)
        .map(row -> row.findElements(By.tagName("td")).get(1).getText()).toList();
  }

  private static ReportIndex.Entry entry(Path dir, String testClass, String method, ReportInfo.Status status,
      long millis) {
    return new ReportIndex.Entry(testClass, method, status, 2, 2, 1, 100, Duration.ofMillis(millis),
        dir.resolve("reports").resolve(method + ".html"));
  }
}
