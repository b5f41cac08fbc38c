package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One definition of a secret, for golden files, reports and cassettes alike. */
class SecretsTest {

  @Test
  void redactsEveryKnownKindOfSecretKeepingItsLabel() {
    assertThat(Secrets.redact("key sk-proj-1234567890abcdef and sk-ant-api03-xyzxyzxyz", "<s>"))
        .isEqualTo("key <s> and <s>");
    assertThat(Secrets.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "<s>")).isEqualTo("Authorization: <s>");
    assertThat(Secrets.redact("sent bearer abcdef123456", "<s>")).isEqualTo("sent bearer <s>");
    assertThat(Secrets.redact("{\"x-api-key\": \"abc123456\", \"q\": 1}", "<s>")).isEqualTo("{\"x-api-key\": \"<s>\", \"q\": 1}");
    assertThat(Secrets.redact("aws AKIAABCDEFGHIJKLMNOP google AIza" + "a".repeat(35) + " gh ghp_" + "b".repeat(24), "<s>"))
        .isEqualTo("aws <s> google <s> gh <s>");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(Secrets.redact("nothing secret here at all", "<s>")).isEqualTo("nothing secret here at all");
    assertThat(Secrets.redact("ask-me anything", "<s>")).isEqualTo("ask-me anything");
    assertThat(Secrets.redact("short", "<s>")).isEqualTo("short");
    assertThat(Secrets.redact(null, "<s>")).isNull();
  }

  @Test
  void knowsNamesOfCredentialsButNotTokenCounts() {
    assertThat(Secrets.isSecretName("http.request.header.authorization")).isTrue();
    assertThat(Secrets.isSecretName("openai.api_key")).isTrue();
    assertThat(Secrets.isSecretName("X-Goog-Api-Key")).isTrue();
    assertThat(Secrets.isSecretName("db.user_password")).isTrue();
    assertThat(Secrets.isSecretName("session_token")).isTrue();
    assertThat(Secrets.isSecretName("gen_ai.usage.input_tokens")).isFalse();
    assertThat(Secrets.isSecretName("gen_ai.tool.name")).isFalse();
  }
}
