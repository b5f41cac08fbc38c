package dev.agenttrace.junit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Who a test is, worked out once: its class, its method, the invocation index of a parameterized or repeated test,
 * its display name and unique id. Every file the extension writes for the test (trace file, report, golden,
 * cassette) is named from this one value.
 *
 * @param className the test class's binary name
 * @param methodName the test method's name
 * @param invocationSuffix {@code "-7"} for the 7th invocation of a test template, else {@code ""}
 * @param displayName what JUnit shows for the test
 * @param uniqueId JUnit's unique id of the test
 */
record TestIdentity(String className, String methodName, String invocationSuffix, String displayName,
    String uniqueId) {
  private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)]");

  static TestIdentity of(ExtensionContext context) {
    return new TestIdentity(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
        invocationSuffix(context.getUniqueId()), context.getDisplayName(), context.getUniqueId());
  }

  /** The method name with the invocation suffix: the base name of the test's files. */
  String testName() {
    return methodName + invocationSuffix;
  }

  /** The name the run index shows: the method, and the display name when it says more. */
  String indexName() {
    return displayName.startsWith(methodName) ? methodName : methodName + " " + displayName;
  }

  /** {@code "-7"} for the 7th invocation of a parameterized or repeated test, else {@code ""}. */
  static String invocationSuffix(String uniqueId) {
    Matcher invocation = INVOCATION.matcher(uniqueId);
    return invocation.find() ? "-" + invocation.group(1) : "";
  }
}
