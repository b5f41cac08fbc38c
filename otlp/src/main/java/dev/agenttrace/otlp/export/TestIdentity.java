package dev.agenttrace.otlp.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Objects;

/**
 * Which test a trace belongs to, written as resource attributes on every exported span so a failing CI trace can be
 * found in the backend: {@value #CLASS} (fully qualified class name), {@value #METHOD}, {@value #DISPLAY_NAME} and,
 * when known, {@value #UNIQUE_ID} (the JUnit Platform's unique id, which tells parameterized invocations apart).
 */
public record TestIdentity(String className, String methodName, String displayName, String uniqueId) {
  public static final String CLASS = "agenttrace.test.class";
  public static final String METHOD = "agenttrace.test.method";
  public static final String DISPLAY_NAME = "agenttrace.test.display_name";
  public static final String UNIQUE_ID = "agenttrace.test.unique_id";

  public TestIdentity {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** A test identity without a unique id. */
  public static TestIdentity of(String className, String methodName, String displayName) {
    return new TestIdentity(className, methodName, displayName, null);
  }

  /** The resource attributes that carry this identity. */
  public Attributes attributes() {
    AttributesBuilder attributes = Attributes.builder()
        .put(AttributeKey.stringKey(CLASS), className)
        .put(AttributeKey.stringKey(METHOD), methodName)
        .put(AttributeKey.stringKey(DISPLAY_NAME), displayName);
    if (uniqueId != null) {
      attributes.put(AttributeKey.stringKey(UNIQUE_ID), uniqueId);
    }
    return attributes.build();
  }

  /** {@code SimpleClassName.method} for messages. */
  String shortName() {
    return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
  }
}
