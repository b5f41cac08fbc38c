package dev.agenttrace.junit;

import dev.agenttrace.capture.TracingAdapterFactory;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The framework adapters on the test class path ({@link TracingAdapterFactory} services, e.g. from
 * {@code agenttrace-langchain4j}), found once per test run and kept in the root extension store.
 */
final class TracingAdapters {
  private final List<TracingAdapterFactory<?>> factories;

  private TracingAdapters(List<TracingAdapterFactory<?>> factories) {
    this.factories = List.copyOf(factories);
  }

  /** The factories {@code loader} can see; a broken registration fails with the service's own explanation. */
  static TracingAdapters load(ClassLoader loader) {
    try {
      List<TracingAdapterFactory<?>> found = ServiceLoader.load(TracingAdapterFactory.class, loader).stream()
          .<TracingAdapterFactory<?>>map(ServiceLoader.Provider::get)
          .toList();
      return new TracingAdapters(found);
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("A framework adapter registered in META-INF/services/"
          + TracingAdapterFactory.class.getName() + " could not be loaded: " + e.getMessage()
          + ". Check that the adapter's artifact matches this AgentTrace version.", e);
    }
  }

  /** The factory creating parameters of exactly {@code type}, if an adapter registered one. */
  Optional<TracingAdapterFactory<?>> factoryFor(Class<?> type) {
    return factories.stream().filter(factory -> factory.adapterType() == type).findFirst();
  }
}
