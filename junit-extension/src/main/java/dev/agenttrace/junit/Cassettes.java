package dev.agenttrace.junit;

import dev.agenttrace.files.SafeFileNames;
import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.http.HttpStubBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One cassette file per test and provider for the HTTP stub parameters, so provider traffic recorded once replays
 * offline in every later run: {@code <dir>/<test class>/<method>[-<invocation>].<provider>.json}. Off by default;
 * {@code agenttrace.cassettes=record} proxies to the provider and writes the scrubbed exchanges,
 * {@code agenttrace.cassettes=replay} answers from them. Recording is refused on CI ({@code CI=true}), which has no
 * provider to talk to and must never write test resources.
 */
final class Cassettes {
  static final String MODE_PARAMETER = "agenttrace.cassettes";
  static final String DIR_PARAMETER = "agenttrace.cassettes.dir";
  static final String DEFAULT_DIR = "src/test/resources/agenttrace/cassettes";
  static final String ORIGIN_PARAMETER_PREFIX = "agenttrace.cassettes.origin.";

  enum Mode { OFF, RECORD, REPLAY }

  private final Mode mode;
  private final Path directory;
  private final TestIdentity test;
  private final ExtensionSettings settings;

  private Cassettes(PerTestContext context) {
    this.settings = context.settings();
    this.test = context.identity();
    this.mode = settings.parameter(MODE_PARAMETER).map(value -> parseMode(value.strip())).orElse(Mode.OFF);
    this.directory = Path.of(settings.parameter(DIR_PARAMETER).orElse(DEFAULT_DIR));
    if (mode == Mode.RECORD && settings.onCi()) {
      throw new IllegalStateException("Refusing to record cassettes on CI (CI=true): " + MODE_PARAMETER
          + "=record talks to the real provider and writes test resources. Record locally, commit the cassettes, and"
          + " replay them on CI with " + MODE_PARAMETER + "=replay.");
    }
  }

  static Cassettes of(PerTestContext context) {
    return new Cassettes(context);
  }

  /** The builder, set up to record or replay this test's cassette for {@code provider} (e.g. {@code openai}). */
  <S extends HttpLlmStub> HttpStubBuilder<S> apply(HttpStubBuilder<S> builder, String provider, String defaultOrigin) {
    if (mode == Mode.OFF) {
      return builder;
    }
    builder.redaction(settings.redaction());
    Path cassette = fileFor(provider);
    if (mode == Mode.RECORD) {
      String origin = settings.parameter(ORIGIN_PARAMETER_PREFIX + provider).orElse(defaultOrigin);
      return builder.recordTo(URI.create(origin), cassette);
    }
    if (!Files.exists(cassette)) {
      throw new IllegalStateException("No " + provider + " cassette for " + test.className() + "."
          + test.testName() + " at " + cassette.toAbsolutePath() + ". Record it once with -D" + MODE_PARAMETER
          + "=record (the client needs a real API key; it is scrubbed before anything is written), review it and "
          + "commit it.");
    }
    return builder.replayFrom(cassette);
  }

  Path fileFor(String provider) {
    return SafeFileNames.inside(directory, SafeFileNames.safeName(test.className()),
        SafeFileNames.safeName(test.testName()) + "." + provider + ".json");
  }

  private static Mode parseMode(String value) {
    try {
      return Mode.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(MODE_PARAMETER + "=" + value + " is not a cassette mode; use off, record "
          + "or replay", unknown);
    }
  }
}
