package dev.agenttrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextTest {
  private final ReportText text = new ReportText(100);

  @Test
  void redactsApiKeysBearerTokensAndAuthorizationValues() {
    assertThat(text.clean("key sk-proj-abcdefghijklmnop used")).isEqualTo("key [REDACTED] used");
    assertThat(text.clean("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x")).isEqualTo("Authorization: [REDACTED]");
    assertThat(text.clean("{\"x-api-key\": \"abc123456\", \"q\": 1}")).isEqualTo("{\"x-api-key\": \"[REDACTED]\", \"q\": 1}");
    assertThat(text.clean("sent bearer abcdef123456")).isEqualTo("sent bearer [REDACTED]");
    assertThat(text.clean("nothing secret here")).isEqualTo("nothing secret here");
  }

  @Test
  void redactsWholeValuesOfSecretAttributesButNotTokenCounts() {
    assertThat(text.attribute("http.request.header.authorization", "Basic dXNlcjpwYXNz")).isEqualTo("[REDACTED]");
    assertThat(text.attribute("openai.api_key", "anything")).isEqualTo("[REDACTED]");
    assertThat(text.attribute("gen_ai.usage.input_tokens", "42")).isEqualTo("42");
  }

  @Test
  void cutsHugeValuesWithAVisibleMarkerAndTheFullLength() {
    String cut = text.clean("x".repeat(5_000));
    assertThat(cut).startsWith("x".repeat(100)).endsWith("\n… ✂ cut: showing 100 of 5000 characters");
  }
}
