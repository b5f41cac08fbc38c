package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.stubs.LlmScripting;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.UnmatchedLlmRequestError;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every stub type and wire format, each spoken to the way its clients speak: {@link LlmStub} through {@code chat}, and
 * {@link OpenAiStub} (chat completions and the Responses API), {@link AnthropicStub} and {@link GeminiStub} through raw
 * HTTP in their wire formats. Lets one test script every stub the same way and expect the same answers.
 */
enum StubKind {
  IN_PROCESS {
    @Override
    StubUnderTest start() {
      LlmStub stub = LlmStub.builder().sleeper(duration -> { }).build();
      return new StubUnderTest(stub, conversation -> {
        try {
          ChatResponse response = stub.chat(conversation.toChatRequest());
          return new Answer(200, response.text(), response.usage().inputTokens(), response.usage().outputTokens(),
              null);
        } catch (UnmatchedLlmRequestError error) {
          return Answer.unmatched(error.getMessage());
        } catch (LlmException failure) {
          return new Answer(failure.statusCode(), null, 0, 0, null);
        }
      }, () -> { });
    }
  },
  OPENAI {
    @Override
    StubUnderTest start() {
      OpenAiStub stub = OpenAiStub.create().start();
      return http(stub, stub.baseUrl() + "/chat/completions", StubKind::openAiBody,
          json -> new Answer(200, json.path("choices").path(0).path("message").path("content").asText(null),
              json.path("usage").path("prompt_tokens").asLong(), json.path("usage").path("completion_tokens").asLong(),
              null));
    }
  },
  OPENAI_RESPONSES {
    @Override
    StubUnderTest start() {
      OpenAiStub stub = OpenAiStub.create().start();
      return http(stub, conversation -> stub.baseUrl() + "/responses", StubKind::responsesBody,
          json -> new Answer(200, json.path("output").path(0).path("content").path(0).path("text").asText(null),
              json.path("usage").path("input_tokens").asLong(), json.path("usage").path("output_tokens").asLong(),
              null));
    }
  },
  ANTHROPIC {
    @Override
    StubUnderTest start() {
      AnthropicStub stub = AnthropicStub.create().start();
      return http(stub, stub.baseUrl() + "/v1/messages", StubKind::anthropicBody,
          json -> new Answer(200, json.path("content").path(0).path("text").asText(null),
              json.path("usage").path("input_tokens").asLong(), json.path("usage").path("output_tokens").asLong(),
              null));
    }
  },
  GEMINI {
    @Override
    StubUnderTest start() {
      GeminiStub stub = GeminiStub.create().start();
      return http(stub, conversation -> stub.baseUrl() + "/v1beta/models/" + conversation.model()
          + ":generateContent", StubKind::geminiBody,
          json -> new Answer(200, json.path("candidates").path(0).path("content").path("parts").path(0).path("text")
              .asText(null), json.path("usageMetadata").path("promptTokenCount").asLong(),
              json.path("usageMetadata").path("candidatesTokenCount").asLong(), null));
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  abstract StubUnderTest start();

  /** What a stub answered: the HTTP status (200, or the failure's), text and usage, or the near-miss report. */
  record Answer(int status, String text, long inputTokens, long outputTokens, String unmatchedReport) {
    static Answer unmatched(String report) {
      return new Answer(404, null, 0, 0, report);
    }
  }

  /**
   * What the tests send: a user question, optionally followed by a call of {@code toolName} and its result, with
   * {@code tools} offered, to {@code model}.
   */
  record Conversation(String model, String question, String toolName, String toolResult, List<String> tools) {
    static Conversation ask(String question) {
      return new Conversation("gpt-4o", question, null, null, List.of("get_weather"));
    }

    Conversation toModel(String other) {
      return new Conversation(other, question, toolName, toolResult, tools);
    }

    Conversation offering(String... toolNames) {
      return new Conversation(model, question, toolName, toolResult, List.of(toolNames));
    }

    Conversation afterToolResult(String tool, String result) {
      return new Conversation(model, question, tool, result, tools);
    }

    ChatRequest toChatRequest() {
      List<Message> messages = new ArrayList<>(List.of(Message.user(question)));
      if (toolName != null) {
        ToolCall call = new ToolCall("call_9", toolName, "{}");
        messages.add(Message.assistant(null, List.of(call)));
        messages.add(Message.toolResult(call, toolResult));
      }
      return ChatRequest.of(model, messages)
          .withTools(tools.stream().map(name -> ToolDefinition.of(name, "", null)).toList());
    }
  }

  /** The stub, a way to ask it, and how to stop it. */
  record StubUnderTest(LlmScripting stub, Asker asker, Runnable stopper) implements AutoCloseable {
    Answer ask(Conversation conversation) {
      return asker.ask(conversation);
    }

    @Override
    public void close() {
      stopper.run();
    }
  }

  interface Asker {
    Answer ask(Conversation conversation);
  }

  private interface BodyWriter {
    ObjectNode write(Conversation conversation);
  }

  private interface AnswerReader {
    Answer read(JsonNode body);
  }

  private static StubUnderTest http(HttpLlmStub stub, String url, BodyWriter writer, AnswerReader reader) {
    return http(stub, conversation -> url, writer, reader);
  }

  /** {@code url} of a conversation: Gemini names the model in the URL path. */
  private static StubUnderTest http(HttpLlmStub stub, Function<Conversation, String> url, BodyWriter writer,
      AnswerReader reader) {
    return new StubUnderTest(stub, conversation -> {
      HttpResponse<String> response = post(url.apply(conversation), writer.write(conversation).toString());
      if (response.statusCode() == 200) {
        return reader.read(read(response.body()));
      }
      List<AssertionError> unmatched = stub.takeUnmatchedRequests();
      return unmatched.isEmpty() ? new Answer(response.statusCode(), null, 0, 0, null)
          : Answer.unmatched(unmatched.get(0).getMessage());
    }, stub::stop);
  }

  private static ObjectNode openAiBody(Conversation conversation) {
    ObjectNode body = JSON.createObjectNode().put("model", conversation.model());
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "user").put("content", conversation.question());
    if (conversation.toolName() != null) {
      ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
          .putArray("tool_calls").addObject().put("id", "call_9").put("type", "function");
      call.putObject("function").put("name", conversation.toolName()).put("arguments", "{}");
      messages.addObject().put("role", "tool").put("tool_call_id", "call_9")
          .put("content", conversation.toolResult());
    }
    ArrayNode tools = body.putArray("tools");
    conversation.tools().forEach(name -> tools.addObject().put("type", "function").putObject("function")
        .put("name", name).putObject("parameters").put("type", "object"));
    return body;
  }

  private static ObjectNode anthropicBody(Conversation conversation) {
    ObjectNode body = JSON.createObjectNode().put("model", conversation.model()).put("max_tokens", 100);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "user").put("content", conversation.question());
    if (conversation.toolName() != null) {
      messages.addObject().put("role", "assistant").putArray("content").addObject()
          .put("type", "tool_use").put("id", "toolu_9").put("name", conversation.toolName()).putObject("input");
      messages.addObject().put("role", "user").putArray("content").addObject()
          .put("type", "tool_result").put("tool_use_id", "toolu_9").put("content", conversation.toolResult());
    }
    ArrayNode tools = body.putArray("tools");
    conversation.tools().forEach(name -> tools.addObject().put("name", name)
        .putObject("input_schema").put("type", "object"));
    return body;
  }

  private static ObjectNode responsesBody(Conversation conversation) {
    ObjectNode body = JSON.createObjectNode().put("model", conversation.model());
    ArrayNode input = body.putArray("input");
    input.addObject().put("role", "user").put("content", conversation.question());
    if (conversation.toolName() != null) {
      input.addObject().put("type", "function_call").put("call_id", "call_9").put("name", conversation.toolName())
          .put("arguments", "{}");
      input.addObject().put("type", "function_call_output").put("call_id", "call_9")
          .put("output", conversation.toolResult());
    }
    ArrayNode tools = body.putArray("tools");
    conversation.tools().forEach(name -> tools.addObject().put("type", "function").put("name", name)
        .putObject("parameters").put("type", "object"));
    return body;
  }

  private static ObjectNode geminiBody(Conversation conversation) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode contents = body.putArray("contents");
    contents.addObject().put("role", "user").putArray("parts").addObject().put("text", conversation.question());
    if (conversation.toolName() != null) {
      contents.addObject().put("role", "model").putArray("parts").addObject().putObject("functionCall")
          .put("name", conversation.toolName()).putObject("args");
      contents.addObject().put("role", "user").putArray("parts").addObject().putObject("functionResponse")
          .put("name", conversation.toolName()).putObject("response").put("result", conversation.toolResult());
    }
    ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
    conversation.tools().forEach(name -> declarations.addObject().put("name", name)
        .putObject("parameters").put("type", "OBJECT"));
    return body;
  }

  private static HttpResponse<String> post(String url, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
