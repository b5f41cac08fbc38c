package dev.agenttrace.trace;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A call to a model ({@code chat {model}}): the request (model, messages, tools offered), the response (model, id,
 * messages, requested tool calls, finish reason), token usage, latency and error. Message content is parsed from the
 * GenAI JSON attributes on first use (building a trace parses nothing); content that does not parse is kept as raw
 * text and reported by {@link #contentProblems()} instead of failing the whole trace. Thread-safe.
 */
public final class LlmCall extends SpanView {
  /** The parsed content; {@code null} until first asked for. Immutable once set, so a benign race is harmless. */
  private volatile Content content;

  LlmCall(TraceSpan span) {
    super(span);
  }

  /** {@code gen_ai.provider.name}. */
  public Optional<String> provider() {
    return span().attribute(SpanConventions.GEN_AI_PROVIDER_NAME);
  }

  public Optional<String> requestModel() {
    return span().attribute(SpanConventions.GEN_AI_REQUEST_MODEL);
  }

  public Optional<String> responseModel() {
    return span().attribute(SpanConventions.GEN_AI_RESPONSE_MODEL);
  }

  /** The best known model name: response model, else request model, else the one in the span name. */
  public String model() {
    return responseModel().or(this::requestModel)
        .orElseGet(() -> SpanNames.subject(span().name(), SpanConventions.OP_CHAT));
  }

  public Optional<String> responseId() {
    return span().attribute(SpanConventions.GEN_AI_RESPONSE_ID);
  }

  /** The conversation sent to the model; empty when not captured or malformed. */
  public List<Message> inputMessages() {
    return content().inputMessages;
  }

  /** The model's reply messages; empty when not captured or malformed. */
  public List<Message> outputMessages() {
    return content().outputMessages;
  }

  /** The text of the reply, joined across output messages. */
  public String outputText() {
    return content().outputMessages.stream().map(Message::text).filter(text -> !text.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  /** The tool calls the model asked for in its reply. */
  public List<ToolCall> requestedToolCalls() {
    return content().outputMessages.stream().flatMap(message -> message.toolCalls().stream()).toList();
  }

  /** The tools offered to the model. */
  public List<ToolDefinition> toolDefinitions() {
    return content().toolDefinitions;
  }

  /**
   * Why the model stopped: the first of {@code gen_ai.response.finish_reasons}, else the finish reason of the
   * output messages; empty when neither is recorded or recognised.
   */
  public Optional<FinishReason> finishReason() {
    return Optional.ofNullable(content().finishReason);
  }

  /** {@code gen_ai.response.finish_reasons} as recorded. */
  public List<String> finishReasons() {
    return span().attribute(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS).orElse(List.of());
  }

  /** Token usage; zero counts when not recorded. */
  public Usage usage() {
    return SpanUsage.of(span());
  }

  /** The time the call took (span duration). */
  public Duration latency() {
    return span().duration();
  }

  /** The raw {@code gen_ai.input.messages} JSON. */
  public Optional<String> rawInputMessages() {
    return span().attribute(SpanConventions.GEN_AI_INPUT_MESSAGES);
  }

  /** The raw {@code gen_ai.output.messages} JSON. */
  public Optional<String> rawOutputMessages() {
    return span().attribute(SpanConventions.GEN_AI_OUTPUT_MESSAGES);
  }

  /** Why some recorded content could not be read (malformed JSON, unknown values); empty when all was read. */
  public List<String> contentProblems() {
    return content().problems;
  }

  /** The parsed message content: parsed once, on first use, by whichever thread gets there first. */
  private Content content() {
    Content parsed = content;
    if (parsed == null) {
      synchronized (this) {
        parsed = content;
        if (parsed == null) {
          parsed = new Content(span());
          content = parsed;
        }
      }
    }
    return parsed;
  }

  /** The message content of one call, parsed from its GenAI JSON attributes in one go. */
  private static final class Content {
    private final List<String> problemsFound = new ArrayList<>();
    final List<Message> inputMessages;
    final List<Message> outputMessages;
    final List<ToolDefinition> toolDefinitions;
    final FinishReason finishReason;
    final List<String> problems;

    Content(TraceSpan span) {
      this.inputMessages = parse(SpanConventions.GEN_AI_INPUT_MESSAGES.getKey(),
          span.attribute(SpanConventions.GEN_AI_INPUT_MESSAGES), GenAiJson::parseMessages);
      this.outputMessages = parse(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey(),
          span.attribute(SpanConventions.GEN_AI_OUTPUT_MESSAGES), GenAiJson::parseMessages);
      this.toolDefinitions = parse(SpanConventions.GEN_AI_TOOL_DEFINITIONS.getKey(),
          span.attribute(SpanConventions.GEN_AI_TOOL_DEFINITIONS), GenAiJson::parseToolDefinitions);
      this.finishReason = readFinishReason(span);
      this.problems = List.copyOf(problemsFound);
    }

    private <T> List<T> parse(String attribute, Optional<String> json, Function<String, List<T>> parser) {
      if (json.isEmpty()) {
        return List.of();
      }
      try {
        return parser.apply(json.get());
      } catch (RuntimeException unreadable) {
        problemsFound.add(attribute + ": " + unreadable.getMessage());
        return List.of();
      }
    }

    private FinishReason readFinishReason(TraceSpan span) {
      List<String> recorded = span.attribute(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS).orElse(List.of());
      if (!recorded.isEmpty()) {
        try {
          return FinishReason.fromWireValue(recorded.get(0));
        } catch (RuntimeException unknown) {
          problemsFound.add(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS.getKey() + ": " + unknown.getMessage());
        }
      }
      Optional<String> output = span.attribute(SpanConventions.GEN_AI_OUTPUT_MESSAGES);
      if (output.isPresent() && !outputMessages.isEmpty()) {
        try {
          return GenAiJson.parseFinishReason(output.get());
        } catch (RuntimeException unknown) {
          problemsFound.add(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey() + " finish_reason: "
              + unknown.getMessage());
        }
      }
      return null;
    }
  }

  @Override
  public String toString() {
    return "LlmCall[" + model() + ", span " + span().spanId() + "]";
  }
}
