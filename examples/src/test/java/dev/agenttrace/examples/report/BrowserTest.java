package dev.agenttrace.examples.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Base of the report's browser tests: one {@link Chromium} for all tests of a class, its tests one after another,
 * and one browser test class at a time (small CI machines). Tagged {@code browser}, so a run can leave them out
 * ({@code -DexcludedGroups=browser}).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock("chromium")
abstract class BrowserTest {
  /** The class's browser; started before its first test. */
  protected Chromium chromium;

  @BeforeAll
  void startBrowser() {
    chromium = Chromium.start();
  }

  @AfterAll
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }
}
