package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.assertions.AgentTraceAssertions;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * Secrets never leave the test. Seeds {@link SecretCorpus} into every field of a trace (span names and attributes,
 * string-array header attributes, events, exception messages, LLM messages, tool arguments and results, step results)
 * and every part of HTTP exchanges with {@link OpenAiStub} and {@link AnthropicStub} recording cassettes against a fake
 * provider on loopback (headers, query strings, bodies, and streamed replies sent one character per event, so every
 * secret is split at every position); runs it through the real extension, which writes the golden file, the HTML
 * reports, the run index, the trace files and the cassettes and builds the failure messages; then scans every written
 * byte and every failure message for every secret. Also: {@link OrdinaryCorpus} passes through the policy untouched.
 */
class SecretsNeverLeaveTest {
  private static final SecretCorpus CORPUS = new SecretCorpus();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The agent test class run through the engine: one passing test (golden on) and two failing ones. */
  @AgentTest
  static class SeededTest {
    @Test
    @AgentTest(golden = true)
    void passes(AgentHarness harness, LlmStub llm, ToolStubs tools, OpenTelemetry otel, OpenAiStub openAi,
        AnthropicStub anthropic) throws Exception {
      Seeding.everything(harness, llm, tools, otel, openAi, anthropic);
    }

    @Test
    void failsATraceAssertion(AgentHarness harness, LlmStub llm, ToolStubs tools, OpenTelemetry otel,
        OpenAiStub openAi, AnthropicStub anthropic, Supplier<AgentTrace> trace) throws Exception {
      Seeding.everything(harness, llm, tools, otel, openAi, anthropic);
      AgentTraceAssertions.assertThat(trace.get()).calledTool("lookup").hasArguments("{\"q\": \"nothing like it\"}");
    }

    @Test
    void failsWithItsOwnMessage(AgentHarness harness, LlmStub llm, ToolStubs tools, OpenTelemetry otel,
        OpenAiStub openAi, AnthropicStub anthropic) throws Exception {
      Seeding.everything(harness, llm, tools, otel, openAi, anthropic);
      throw new AssertionFailedError("the agent leaked:\n" + CORPUS.allTexts(), "no secrets", CORPUS.allTexts());
    }
  }

  @Test
  void noSeededSecretReachesAnyFileOrFailureMessage() throws Exception {
    FakeProvider provider = FakeProvider.start();
    Path reports = dir.resolve("reports");
    Path traces = dir.resolve("traces");
    Path goldens = dir.resolve("golden");
    Path cassettes = dir.resolve("cassettes");
    EngineExecutionResults results;
    try {
      results = TestKit.run(SeededTest.class, Map.of(
          ReportSupport.DIR_PARAMETER, reports.toString(),
          ExtensionSettings.TRACE_DIR_PARAMETER, traces.toString(),
          "agenttrace.golden.dir", goldens.toString(),
          ExtensionSettings.CI_PARAMETER, "false",
          Cassettes.MODE_PARAMETER, "record",
          Cassettes.DIR_PARAMETER, cassettes.toString(),
          Cassettes.ORIGIN_PARAMETER_PREFIX + "openai", provider.origin(),
          Cassettes.ORIGIN_PARAMETER_PREFIX + "anthropic", provider.origin()));
    } finally {
      provider.stop();
    }
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    assertThat(provider.requests()).as("every exchange reached the provider").isEqualTo(3 * 4);

    Map<String, String> outputs = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      outputs.put(dir.relativize(file).toString(), Files.readString(file));
    }
    List<Throwable> failures = TestKit.failures(results);
    for (int i = 0; i < failures.size(); i++) {
      outputs.put("failure message " + (i + 1), everythingPrinted(failures.get(i)));
    }

    String golden = single(outputs, "golden/");
    assertThat(golden).contains("<secret>", "Paris");
    assertThat(outputs).containsKey("reports/index.html");
    assertThat(outputs.keySet().stream().filter(name -> name.startsWith("reports/") && name.endsWith(".html")))
        .hasSize(4);
    assertThat(outputs.keySet().stream().filter(name -> name.startsWith("traces/"))).hasSize(3)
        .allSatisfy(name -> assertThat(outputs.get(name)).contains("<secret>"));
    assertThat(outputs.keySet().stream().filter(name -> name.startsWith("cassettes/"))).hasSize(6)
        .allSatisfy(name -> assertThat(outputs.get(name)).contains("<scrubbed>", "Paris"));
    assertThat(outputs.get("failure message 1") + outputs.get("failure message 2")).contains("<secret>");

    assertThat(CORPUS.leaksIn(outputs)).as("secrets found in the outputs").isEmpty();

    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("usual.txt")));
    assertThat(files).allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
        .isEqualTo(usual));
  }

  @Test
  void everySecretShapeIsRedactedOnItsOwnAndInJson() throws Exception {
    RedactionPolicy policy = RedactionPolicy.defaults();
    assertThat(CORPUS.secrets()).hasSizeGreaterThanOrEqualTo(30);
    for (SecretCorpus.Secret secret : CORPUS.secrets()) {
      String asJson = JSON.writeValueAsString(Map.of("note", secret.text(), "n", 1));
      for (String redacted : List.of(policy.redact(secret.text()), policy.redactPlainText(secret.text()),
          policy.redact(asJson))) {
        assertThat(secret.needles()).as(secret.kind() + " in " + redacted).noneMatch(redacted::contains);
      }
    }
  }

  @Test
  void ordinaryAgentTextAndJsonAreNeverRedacted() throws Exception {
    RedactionPolicy policy = RedactionPolicy.defaults();
    List<String> corpus = OrdinaryCorpus.all();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    List<String> changed = new ArrayList<>();
    for (String text : corpus) {
      String asJson = JSON.writeValueAsString(Map.of("content", text));
      if (!policy.redact(text).equals(text) || !policy.redactPlainText(text).equals(text)
          || !policy.redact(asJson).equals(asJson)) {
        changed.add(text + "  →  " + policy.redact(text));
      }
    }
    assertThat(changed).as("ordinary text that was redacted").isEmpty();
  }

  private static String single(Map<String, String> outputs, String prefix) {
    List<String> matching = outputs.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
    assertThat(matching).hasSize(1);
    return outputs.get(matching.get(0));
  }

  /** What a console or report shows of a failure: its string form, suppressed ones, and an IDE's diff values. */
  private static String everythingPrinted(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    for (Throwable suppressed : failure.getSuppressed()) {
      text.append('\n').append(suppressed);
    }
    if (failure instanceof AssertionFailedError diff) {
      text.append('\n').append(diff.getExpected() == null ? "" : diff.getExpected().getStringRepresentation())
          .append('\n').append(diff.getActual() == null ? "" : diff.getActual().getStringRepresentation());
    }
    return text.toString();
  }

  /** Puts the corpus everywhere a test's trace and HTTP exchanges can carry it. */
  static final class Seeding {
    private Seeding() {}

    static void everything(AgentHarness harness, LlmStub llm, ToolStubs tools, OpenTelemetry otel,
        OpenAiStub openAi, AnthropicStub anthropic) throws Exception {
      agentRun(harness, llm, tools);
      rawSpans(otel);
      exchanges(openAi.baseUrl() + "/chat/completions", anthropic.baseUrl() + "/v1/messages");
    }

    private static void agentRun(AgentHarness harness, LlmStub llm, ToolStubs tools) throws Exception {
      String all = CORPUS.allTexts();
      llm.whenTurn(1).replyWithToolCall("lookup", secretArguments());
      llm.whenTurn(2).replyWithText("Here is what I found for Paris:\n" + all);
      tools.stub("lookup").returns(secretArguments());
      harness.run((ctx, question) -> {
        List<Message> messages = new ArrayList<>(List.of(Message.system("Config:\n" + all), Message.user(question)));
        ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(Agents.LOOKUP));
        messages.add(reply.message());
        messages.addAll(ctx.callTools(reply.toolCalls()));
        String step = ctx.step("remember", () -> all);
        return ctx.chat(ChatRequest.of("gpt-4o", messages)).text() + step;
      }, "Weather in Paris? My keys:\n" + all);
    }

    /** Tool arguments and results: secrets under secret-named fields (scalar, array, object) and inside texts. */
    static String secretArguments() throws IOException {
      ObjectNode arguments = JSON.createObjectNode().put("city", "Paris");
      List<SecretCorpus.Secret> secrets = CORPUS.secrets();
      ArrayNode passwords = arguments.putArray("password");
      ObjectNode apiKey = arguments.putObject("api_key");
      ArrayNode notes = arguments.putArray("notes");
      for (int i = 0; i < secrets.size(); i++) {
        passwords.add(secrets.get(i).secret());
        apiKey.put("value" + i, secrets.get(i).secret());
        notes.add(secrets.get(i).text());
      }
      arguments.put("token", secrets.get(0).secret());
      return JSON.writeValueAsString(arguments);
    }

    private static void rawSpans(OpenTelemetry otel) {
      List<String> secrets = CORPUS.secrets().stream().map(SecretCorpus.Secret::secret).toList();
      List<String> texts = CORPUS.secrets().stream().map(SecretCorpus.Secret::text).toList();
      Span span = otel.getTracer("seeding").spanBuilder("fetch " + secrets.get(0))
          .setAttribute(AttributeKey.stringArrayKey("http.request.header.x-api-key"), secrets)
          .setAttribute(AttributeKey.stringArrayKey("http.request.header.authorization"),
              secrets.stream().map(secret -> "Bearer " + secret).toList())
          .setAttribute(AttributeKey.stringArrayKey("notes"), texts)
          .setAttribute("note", CORPUS.allTexts())
          .setAttribute("url.full", "https://api.example.com/v1/x?api_key=" + secrets.get(1) + "&city=Paris")
          .setAttribute("db.password", secrets.get(2))
          .setAttribute(AttributeKey.longKey("secret_pin"), 4711L)
          .startSpan();
      span.addEvent("note", Attributes.builder().put("text", CORPUS.allTexts())
          .put(AttributeKey.stringArrayKey("cookie"), secrets).build());
      span.recordException(new IllegalStateException("connect failed: " + CORPUS.allTexts()));
      span.setStatus(StatusCode.ERROR, "failed with " + secrets.get(3));
      span.end();
    }

    private static void exchanges(String openAiUrl, String anthropicUrl) throws Exception {
      List<SecretCorpus.Secret> secrets = CORPUS.secrets();
      String query = "?api_key=" + secrets.get(0).secret() + "&sig=" + enc(secrets.get(14).secret())
          + "&access_token=" + secrets.get(6).secret() + "&note=" + enc(CORPUS.allTexts()) + "&city=Paris";
      for (boolean stream : List.of(false, true)) {
        send(HttpRequest.newBuilder(URI.create(openAiUrl + query))
            .header("Authorization", "Bearer " + secrets.get(1).secret())
            .header("OpenAI-Organization", "org-abcdef123456")
            .header("X-Note", secrets.get(20).secret() + " " + secrets.get(31).text()), body(stream, "gpt-4o"));
        send(HttpRequest.newBuilder(URI.create(anthropicUrl + query))
            .header("x-api-key", secrets.get(3).secret())
            .header("anthropic-version", "2023-06-01")
            .header("X-Note", secrets.get(16).secret()), body(stream, "claude-sonnet-4-5"));
      }
    }

    private static String body(boolean stream, String model) throws IOException {
      ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", stream).put("max_tokens", 100);
      body.putArray("messages").addObject().put("role", "user").put("content", "Weather in Paris?\n"
          + CORPUS.allTexts());
      body.putObject("metadata").set("password", JSON.valueToTree(
          CORPUS.secrets().stream().map(SecretCorpus.Secret::secret).toList()));
      body.put("tool_arguments", secretArguments());
      return JSON.writeValueAsString(body);
    }

    private static void send(HttpRequest.Builder request, String body) throws Exception {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String enc(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
  }

  /**
   * A provider on loopback that answers OpenAI and Anthropic requests with every secret: in a header, in a JSON
   * reply, and streamed one character per event (text and tool-call arguments).
   */
  static final class FakeProvider {
    private final HttpServer server;
    private int requests;

    private FakeProvider(HttpServer server) {
      this.server = server;
    }

    static FakeProvider start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeProvider provider = new FakeProvider(server);
      server.createContext("/v1/chat/completions", exchange -> provider.answer(exchange, true));
      server.createContext("/v1/messages", exchange -> provider.answer(exchange, false));
      server.start();
      return provider;
    }

    String origin() {
      return "http://localhost:" + server.getAddress().getPort();
    }

    synchronized int requests() {
      return requests;
    }

    void stop() {
      server.stop(0);
    }

    private void answer(HttpExchange exchange, boolean openAi) throws IOException {
      synchronized (this) {
        requests++;
      }
      boolean stream = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          .contains("\"stream\":true");
      String text = "Paris is sunny.\n" + CORPUS.allTexts();
      String arguments = Seeding.secretArguments();
      String body = stream ? (openAi ? openAiStream(text, arguments) : anthropicStream(text, arguments))
          : openAi ? openAiJson(text, arguments) : anthropicJson(text, arguments);
      exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
      exchange.getResponseHeaders().add("Set-Cookie", "session=" + CORPUS.secrets().get(5).secret());
      exchange.getResponseHeaders().add("X-Echo", CORPUS.secrets().get(17).secret());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    private static String openAiJson(String text, String arguments) throws IOException {
      ObjectNode reply = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
          .put("model", "gpt-4o");
      ObjectNode message = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
          .putObject("message").put("role", "assistant").put("content", text);
      message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
          .putObject("function").put("name", "lookup").put("arguments", arguments);
      return JSON.writeValueAsString(reply);
    }

    private static String anthropicJson(String text, String arguments) throws IOException {
      ObjectNode reply = JSON.createObjectNode().put("id", "msg_1").put("type", "message").put("role", "assistant")
          .put("model", "claude-sonnet-4-5").put("stop_reason", "end_turn");
      ArrayNode content = reply.putArray("content");
      content.addObject().put("type", "text").put("text", text);
      content.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "lookup")
          .set("input", JSON.readTree(arguments));
      reply.putObject("usage").put("input_tokens", 10).put("output_tokens", 20);
      return JSON.writeValueAsString(reply);
    }

    /** One event per character of the text, then of the tool call's arguments. */
    private static String openAiStream(String text, String arguments) throws IOException {
      StringBuilder events = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta")
            .put("content", String.valueOf(text.charAt(i)));
        events.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n");
      }
      for (int i = 0; i < arguments.length(); i++) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
        ObjectNode call = chunk.putArray("choices").addObject().put("index", 0).putObject("delta")
            .putArray("tool_calls").addObject().put("index", 0);
        call.putObject("function").put("arguments", String.valueOf(arguments.charAt(i)));
        events.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n");
      }
      return events.append("data: [DONE]\n\n").toString();
    }

    private static String anthropicStream(String text, String arguments) throws IOException {
      StringBuilder events = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
      for (int i = 0; i < text.length(); i++) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", String.valueOf(text.charAt(i)));
        events.append("event: content_block_delta\ndata: ").append(JSON.writeValueAsString(delta)).append("\n\n");
      }
      for (int i = 0; i < arguments.length(); i++) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 1);
        delta.putObject("delta").put("type", "input_json_delta")
            .put("partial_json", String.valueOf(arguments.charAt(i)));
        events.append("event: content_block_delta\ndata: ").append(JSON.writeValueAsString(delta)).append("\n\n");
      }
      return events.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n").toString();
    }
  }
}
