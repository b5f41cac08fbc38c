package dev.agenttrace.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an HTTP LLM stub costs per chat call. {@link #plainWireMock} (baseline): openai-java against a plain WireMock
 * stub that returns a fixed, pre-encoded chat completion. {@link #openAiStub}: the same client and the same response
 * bytes, but decoded, matched by the LlmStub script, encoded and traced per request by {@link OpenAiStub}.
 * {@link #inProcessLlmStub}: the in-process {@link LlmStub} answering the same request without HTTP. The same pair for
 * the Responses API ({@link #plainWireMockResponses} / {@link #openAiStubResponses}, openai-java) and for Gemini
 * ({@link #plainWireMockGemini} / {@link #geminiStub}, google-genai).
 *
 * <p>Steady state, per call. The default warm-up is long on purpose: on two cores the client, WireMock's Jetty and the
 * stub's decode and encode take about 40 seconds of calls to be compiled, and before that the ratio measures how much
 * more code the stub path has to compile, not what it costs (1.8× after 3 × 1 s of warm-up, about 1.1× after a minute).
 * {@link HttpStubColdBenchmark} measures that first stretch on its own. Passing {@code -wi}/{@code -w} on the command
 * line overrides this warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HttpStubBenchmark {
  private static final String MODEL = "gpt-4o-mini";
  private static final String QUESTION = "What's the weather in Paris?";
  private static final String GEMINI_MODEL = "gemini-2.5-flash";
  private static final String GEMINI_PATH = "/v1beta/models/" + GEMINI_MODEL + ":generateContent";

  private OpenAiStub stub;
  private WireMockServer plain;
  private OpenAIClient stubClient;
  private OpenAIClient plainClient;
  private GeminiStub gemini;
  private Client geminiClient;
  private Client plainGeminiClient;
  private ResponseCreateParams responseParams;
  private LlmStub inProcess;
  private ChatCompletionCreateParams params;
  private ChatRequest request;

  @Setup
  public void setUp() throws Exception {
    stub = OpenAiStub.create().start();
    stub.whenLastUserMessageContains("Paris").replyWithText("18°C and sunny in Paris.").withResponseId("resp_1");
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stub.baseUrl()
        + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    plain = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false))
        .disableRequestJournal());
    plain.start();
    plain.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(body)));
    String responsesBody = postJson(stub.baseUrl() + "/responses", "{\"model\":\"" + MODEL + "\",\"input\":\""
        + QUESTION + "\"}");
    plain.stubFor(post(urlPathEqualTo("/v1/responses")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(responsesBody)));
    gemini = GeminiStub.create().start();
    gemini.whenLastUserMessageContains("Paris").replyWithText("18°C and sunny in Paris.").withResponseId("resp_1");
    String geminiBody = postJson(gemini.baseUrl() + GEMINI_PATH, "{\"contents\":[{\"role\":\"user\",\"parts\":"
        + "[{\"text\":\"" + QUESTION + "\"}]}]}");
    plain.stubFor(post(urlPathMatching("/v1(beta)?/models/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(geminiBody)));
    geminiClient = geminiClient(gemini.baseUrl());
    plainGeminiClient = geminiClient("http://localhost:" + plain.port());
    responseParams = ResponseCreateParams.builder().model(MODEL).input(QUESTION).build();
    stubClient = client(stub.baseUrl());
    plainClient = client("http://localhost:" + plain.port() + "/v1");
    params = ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(QUESTION).build();
    inProcess = LlmStub.create();
    inProcess.whenLastUserMessageContains("Paris").replyWithText("18°C and sunny in Paris.");
    request = ChatRequest.of(MODEL, Message.user(QUESTION));
  }

  private static String postJson(String url, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static Client geminiClient(String baseUrl) {
    return Client.builder().apiKey("bench-key").httpOptions(HttpOptions.builder().baseUrl(baseUrl)
        .retryOptions(HttpRetryOptions.builder().attempts(1)).build()).build();
  }

  private static OpenAIClient client(String baseUrl) {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-bench").maxRetries(0).build();
  }

  @TearDown
  public void tearDown() {
    stubClient.close();
    plainClient.close();
    stub.stop();
    gemini.stop();
    plain.stop();
  }

  @Benchmark
  public Object plainWireMock() {
    return plainClient.chat().completions().create(params);
  }

  @Benchmark
  public Object openAiStub() {
    return stubClient.chat().completions().create(params);
  }

  @Benchmark
  public Object plainWireMockResponses() {
    return plainClient.responses().create(responseParams);
  }

  @Benchmark
  public Object openAiStubResponses() {
    return stubClient.responses().create(responseParams);
  }

  @Benchmark
  public Object plainWireMockGemini() {
    return plainGeminiClient.models.generateContent(GEMINI_MODEL, QUESTION, null);
  }

  @Benchmark
  public Object geminiStub() {
    return geminiClient.models.generateContent(GEMINI_MODEL, QUESTION, null);
  }

  @Benchmark
  public Object inProcessLlmStub() {
    return inProcess.chat(request);
  }
}
