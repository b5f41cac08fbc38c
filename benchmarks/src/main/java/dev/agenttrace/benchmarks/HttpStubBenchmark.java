package dev.agenttrace.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What an HTTP LLM stub costs per chat call. {@link #plainWireMock} (baseline): openai-java against a plain WireMock
 * stub that returns a fixed, pre-encoded chat completion. {@link #openAiStub}: the same client and the same response
 * bytes, but decoded, matched by the LlmStub script, encoded and traced per request by {@link OpenAiStub}.
 * {@link #inProcessLlmStub}: the in-process {@link LlmStub} answering the same request without HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpStubBenchmark {
  private static final String MODEL = "gpt-4o-mini";
  private static final String QUESTION = "What's the weather in Paris?";

  private OpenAiStub stub;
  private WireMockServer plain;
  private OpenAIClient stubClient;
  private OpenAIClient plainClient;
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
    stubClient = client(stub.baseUrl());
    plainClient = client("http://localhost:" + plain.port() + "/v1");
    params = ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(QUESTION).build();
    inProcess = LlmStub.create();
    inProcess.whenLastUserMessageContains("Paris").replyWithText("18°C and sunny in Paris.");
    request = ChatRequest.of(MODEL, Message.user(QUESTION));
  }

  private static OpenAIClient client(String baseUrl) {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-bench").maxRetries(0).build();
  }

  @TearDown
  public void tearDown() {
    stubClient.close();
    plainClient.close();
    stub.stop();
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
  public Object inProcessLlmStub() {
    return inProcess.chat(request);
  }
}
