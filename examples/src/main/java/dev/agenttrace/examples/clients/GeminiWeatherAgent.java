package dev.agenttrace.examples.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A weather agent on Google's {@code google-genai} client (the Gemini API): asks with a {@code get_weather} function
 * declaration, answers the model's {@code functionCall}s with {@code functionResponse} parts, until the model answers
 * in text. {@link #askStreaming} reads {@code streamGenerateContent} chunks and joins them. Each model call is retried
 * (up to {@code attempts}) on the client's errors and on a reply without a finish reason (a stream that ended early)
 * or with {@code MALFORMED_FUNCTION_CALL}.
 */
public final class GeminiWeatherAgent {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TOOL_TURNS = 8;
  private static final GenerateContentConfig CONFIG = GenerateContentConfig.builder()
      .systemInstruction(Content.fromParts(Part.fromText("Answer weather questions briefly.")))
      .tools(Tool.builder().functionDeclarations(FunctionDeclaration.builder().name("get_weather")
          .description("Current weather of a city")
          .parameters(Schema.builder().type("OBJECT")
              .properties(Map.of("city", Schema.builder().type("STRING").build())).required("city"))))
      .build();

  private final Client client;
  private final String model;
  private final UnaryOperator<String> weather;
  private final int attempts;

  /** {@code weather} answers {@code get_weather} from its JSON arguments; {@code attempts} per model call. */
  public GeminiWeatherAgent(Client client, String model, UnaryOperator<String> weather, int attempts) {
    this.client = client;
    this.model = model;
    this.weather = weather;
    this.attempts = attempts;
  }

  public String ask(String question) {
    return run(question, false);
  }

  public String askStreaming(String question) {
    return run(question, true);
  }

  private String run(String question, boolean streaming) {
    List<Content> contents = new ArrayList<>();
    contents.add(Content.builder().role("user").parts(Part.fromText(question)).build());
    Reply reply = call(contents, streaming);
    for (int turn = 1; !reply.calls().isEmpty(); turn++) {
      if (turn > MAX_TOOL_TURNS) {
        throw new IllegalStateException("The model still asks for tools after " + MAX_TOOL_TURNS + " turns");
      }
      contents.add(reply.content());
      List<Part> results = new ArrayList<>();
      for (FunctionCall call : reply.calls()) {
        results.add(Part.fromFunctionResponse(call.name().orElseThrow(),
            Map.of("result", weather.apply(json(call.args().orElse(Map.of()))))));
      }
      contents.add(Content.builder().role("user").parts(results).build());
      reply = call(contents, streaming);
    }
    return reply.text();
  }

  private Reply call(List<Content> contents, boolean streaming) {
    return Retrying.call(attempts, e -> e instanceof ApiException || e instanceof GenAiIOException
        || e instanceof IllegalStateException, () -> {
          Reply reply = streaming ? stream(contents) : Reply.of(List.of(
              client.models.generateContent(model, contents, CONFIG)));
          if (reply.finishReason().isEmpty() || reply.finishReason().equals("MALFORMED_FUNCTION_CALL")) {
            throw new IllegalStateException("The model's reply has no usable finish reason: '"
                + reply.finishReason() + "'");
          }
          return reply;
        });
  }

  private Reply stream(List<Content> contents) {
    List<GenerateContentResponse> chunks = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(model, contents,
        CONFIG)) {
      stream.forEach(chunks::add);
    }
    return Reply.of(chunks);
  }

  private static String json(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A model reply joined from one response or a stream of chunks. */
  private record Reply(String text, List<FunctionCall> calls, Content content, String finishReason) {
    static Reply of(List<GenerateContentResponse> chunks) {
      StringBuilder text = new StringBuilder();
      List<FunctionCall> calls = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      String finish = "";
      for (GenerateContentResponse chunk : chunks) {
        chunk.candidates().flatMap(candidates -> candidates.stream().findFirst()).ifPresent(candidate -> {
          candidate.content().flatMap(Content::parts).ifPresent(parts::addAll);
        });
        String reason = chunk.candidates().flatMap(candidates -> candidates.stream().findFirst())
            .flatMap(candidate -> candidate.finishReason()).map(Object::toString).orElse("");
        finish = reason.isEmpty() ? finish : reason;
      }
      for (Part part : parts) {
        part.text().ifPresent(text::append);
        part.functionCall().ifPresent(calls::add);
      }
      Content content = Content.builder().role("model").parts(parts).build();
      return new Reply(text.toString(), calls, content, finish);
    }
  }
}
