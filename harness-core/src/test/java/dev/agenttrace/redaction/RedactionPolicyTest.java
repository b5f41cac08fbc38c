package dev.agenttrace.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the one redaction policy, rule by rule; the seeded end-to-end proof is in junit-extension. */
class RedactionPolicyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final RedactionPolicy policy = RedactionPolicy.defaults().withMarker("<s>");

  @Test
  void redactsKeyShapesKeepingTheirLabels() {
    assertThat(policy.redact("key sk-proj-1234567890abcdef and sk-ant-api03-xyzxyzxyz"))
        .isEqualTo("key <s> and <s>");
    assertThat(policy.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x")).isEqualTo("Authorization: <s>");
    assertThat(policy.redact("sent bearer abcdef123456")).isEqualTo("sent bearer <s>");
    assertThat(policy.redact("aws AKIAABCDEFGHIJKLMNOP google AIza" + "a".repeat(35) + " gh ghp_" + "b".repeat(24)))
        .isEqualTo("aws <s> google <s> gh <s>");
    assertThat(policy.redact("stripe sk_live_" + "c".repeat(24) + ", gitlab glpat-" + "d".repeat(20)))
        .isEqualTo("stripe <s>, gitlab <s>");
    assertThat(policy.redact("slack xoxb-123456789012-abcdefghijkl")).isEqualTo("slack <s>");
  }

  @Test
  void redactsLabelledValuesInQueriesUrlsHeadersAndYaml() {
    assertThat(policy.redact("GET /v1/x?api_key=abc123&limit=5&access_token=zz9")).isEqualTo(
        "GET /v1/x?api_key=<s>&limit=5&access_token=<s>");
    assertThat(policy.redact("postgres://admin:hunter2@db:5432/app")).isEqualTo("postgres://admin:<s>@db:5432/app");
    assertThat(policy.redact("X-Api-Key: opaque-value-1\nContent-Type: application/json"))
        .isEqualTo("X-Api-Key: <s>\nContent-Type: application/json");
    assertThat(policy.redact("db:\n  password: hunter2\n  host: localhost")).isEqualTo(
        "db:\n  password: <s>\n  host: localhost");
    assertThat(policy.redact("Authorization: Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("Authorization: <s>");
    assertThat(policy.redact("use basic dXNlcjpwYXNzd29yZA== here")).isEqualTo("use basic <s> here");
  }

  @Test
  void aMarkedPolicyIsMadeOnceAndKeepsTheRules() {
    RedactionPolicy custom = RedactionPolicy.builder().key("ssn").build();

    RedactionPolicy marked = custom.withMarker("[R]");

    assertThat(custom.withMarker("[R]")).isSameAs(marked);
    assertThat(custom.withMarker(RedactionPolicy.DEFAULT_MARKER)).isSameAs(custom);
    assertThat(custom.withMarker("<x>").redact("{\"ssn\": \"123\"}")).isEqualTo("{\"ssn\": \"<x>\"}");
    assertThat(custom.withMarker("[R]").marker()).isEqualTo("[R]");
    assertThat(marked.redact("{\"ssn\": \"123\"}")).isEqualTo("{\"ssn\": \"[R]\"}");
  }

  @Test
  void aLabelledValueThatStartsAnotherSecretIsScannedToo() {
    assertThat(policy.redact("[1] secret=X-Api-Key: opaque-value-1")).isEqualTo("[1] secret=<s> <s>");
    assertThat(policy.redact("[2] token=Bearer abcdef123456")).isEqualTo("[2] token=<s> <s>");
    assertThat(policy.redact("[3] secret=-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"))
        .isEqualTo("[3] secret=<s> RSA PRIVATE KEY-----<s>-----END RSA PRIVATE KEY-----");
  }

  @Test
  void redactsPemBodiesEvenWhenCut() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nq83hd\n-----END RSA PRIVATE KEY-----";
    assertThat(policy.redact("key:\n" + pem)).isEqualTo(
        "key:\n-----BEGIN RSA PRIVATE KEY-----<s>-----END RSA PRIVATE KEY-----");
    assertThat(policy.redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq")).isEqualTo("-----BEGIN PRIVATE KEY-----<s>");
    assertThat(policy.redact("-----BEGIN CERTIFICATE-----\nMIIB")).isEqualTo("-----BEGIN CERTIFICATE-----\nMIIB");
  }

  @Test
  void redactsJsonByStructureWhateverTheValueTypeAndKeepsItsFormatting() {
    assertThat(policy.redact("{\"password\": [\"a1\", \"b2\"], \"user\": \"ann\"}"))
        .isEqualTo("{\"password\": [\"<s>\", \"<s>\"], \"user\": \"ann\"}");
    assertThat(policy.redact("{\n  \"api_key\": {\"value\": \"v\", \"n\": 7},\n  \"token\": 42\n}"))
        .isEqualTo("{\n  \"api_key\": {\"value\": \"<s>\", \"n\": \"<s>\"},\n  \"token\": \"<s>\"\n}");
    assertThat(policy.redact("{\"clientSecret\": null, \"hasPassword\": true, \"input_tokens\": 12}"))
        .isEqualTo("{\"clientSecret\": null, \"hasPassword\": true, \"input_tokens\": 12}");
    // JSON inside a JSON string: OpenAI's tool-call arguments
    assertThat(policy.redact("{\"arguments\": \"{\\\"token\\\": \\\"t-1\\\", \\\"city\\\": \\\"Paris\\\"}\"}"))
        .isEqualTo("{\"arguments\": \"{\\\"token\\\":\\\"<s>\\\", \\\"city\\\": \\\"Paris\\\"}\"}".replace(
            "\\\"token\\\":\\\"", "\\\"token\\\": \\\""));
  }

  @Test
  void redactsTreesAndAttributesWhateverTheValueType() throws Exception {
    JsonNode tree = MAPPER.readTree("{\"headers\": {\"x-api-key\": [\"k1\", \"k2\"]}, \"q\": \"sk-abcdefghijkl\"}");
    assertThat(policy.redactTree(tree).toString())
        .isEqualTo("{\"headers\":{\"x-api-key\":[\"<s>\",\"<s>\"]},\"q\":\"<s>\"}");
    assertThat(policy.redactAttribute("http.request.header.x-api-key", List.of("k1", "k2")))
        .isEqualTo(List.of("<s>", "<s>"));
    assertThat(policy.redactAttribute("http.request.header.accept", List.of("application/json")))
        .isEqualTo(List.of("application/json"));
    assertThat(policy.redactAttribute("gen_ai.usage.input_tokens", 12L)).isEqualTo(12L);
    assertThat(policy.redactValue("Cookie", "session=abc")).isEqualTo("<s>");
  }

  @Test
  void namesLikeCredentialsAreSecretNamesButCountsAndCursorsAreNot() {
    assertThat(List.of("http.request.header.authorization", "openai.api_key", "X-Goog-Api-Key", "db.user_password",
        "session_token", "accessToken", "clientSecret", "AccountKey", "private_key", "set-cookie"))
        .allMatch(policy::isSecretKey);
    assertThat(List.of("gen_ai.usage.input_tokens", "max_tokens", "gen_ai.tool.name", "key", "agenttrace.step.key",
        "next_page_token", "nextPageToken", "password_policy", "monkey", "tokenizer"))
        .noneMatch(policy::isSecretKey);
  }

  @Test
  void leavesOrdinaryTextAloneAndReturnsTheSameInstance() {
    String text = "The bearer of the token said: the password must have 12 characters; ask-me anything.";
    assertThat(policy.redact(text)).isSameAs(text);
    assertThat(policy.redact("short")).isEqualTo("short");
    assertThat(policy.redact(null)).isNull();
  }

  @Test
  void findsSecretsSplitAcrossPiecesAndKeepsThePieceCount() {
    String secret = "sk-proj-abcdefgh12345678";
    String text = "my key is " + secret + " ok";
    for (int cut = 1; cut < text.length(); cut++) {
      List<String> pieces = policy.redactPieces(List.of(text.substring(0, cut), text.substring(cut)));
      assertThat(pieces).hasSize(2);
      assertThat(String.join("", pieces)).isEqualTo("my key is <s> ok");
    }
    List<String> chars = new ArrayList<>();
    "password=hunter22&x=1".chars().forEach(c -> chars.add(String.valueOf((char) c)));
    assertThat(String.join("", policy.redactPieces(chars))).isEqualTo("password=<s>&x=1");
  }

  @Test
  void usersAddKeysPatternsAndAllowedValuesThroughSettings() {
    Map<String, String> settings = Map.of(
        RedactionPolicy.KEYS_PROPERTY, "ssn, *-pin",
        RedactionPolicy.PATTERNS_PROPERTY, "acct-\\d{8}, ref=(?<secret>[A-Z]{2}\\d{2\\,4})",
        RedactionPolicy.ALLOW_PROPERTY, "sk-test-fixture-000");
    RedactionPolicy configured = RedactionPolicy.fromSettings(settings::get).withMarker("<s>");

    assertThat(configured.isSecretKey("customer.ssn")).isTrue();
    assertThat(configured.isSecretKey("card_pin")).isTrue();
    assertThat(configured.redact("{\"ssn\": \"123-45-6789\", \"cardPin\": 1234}"))
        .isEqualTo("{\"ssn\": \"<s>\", \"cardPin\": \"<s>\"}");
    assertThat(configured.redact("paid from acct-12345678 ref=AB123")).isEqualTo("paid from <s> ref=<s>");
    assertThat(configured.redact("fixture sk-test-fixture-000, real sk-live-1234567890"))
        .isEqualTo("fixture sk-test-fixture-000, real <s>");
    assertThat(RedactionPolicy.fromSettings(name -> null).redact("acct-12345678")).isEqualTo("acct-12345678");
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertThatThrownBy(() -> RedactionPolicy.fromSettings(Map.of(RedactionPolicy.PATTERNS_PROPERTY, "acct-(")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agenttrace.redaction.patterns").hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> RedactionPolicy.builder().pattern("x*"))
        .hasMessageContaining("matches the empty text");
    assertThatThrownBy(() -> RedactionPolicy.builder().key(" * "))
        .hasMessageContaining("not a secret key name");
  }

  @Test
  void redactsTheHeadOfHugeTextOnly() {
    String huge = "token=abc123 " + "x".repeat(100_000) + " sk-abcdefghijkl";
    String head = policy.redactHead(huge, 120);
    assertThat(head).startsWith("token=<s> xxx").hasSize(huge.length() - 6 + 3);
  }
}
