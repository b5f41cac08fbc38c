package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.UnmatchedLlmRequestError;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Answers from the stub's script (an {@link LlmStub}) and encodes the answer in the provider's wire format: a
 * response or stream, an error body for a scripted {@link LlmException}, the HTTP-only {@link HttpFault}s, and a
 * provider error carrying the near-miss report when no stubbing matches (which is also remembered). The stub's
 * {@link Chaos} is drawn first: a fault that replaces the answer never reaches the script.
 */
final class ScriptedReplies implements ReplySource {
  /** The status of an unmatched request: not found, like a provider's unknown model. */
  static final int UNMATCHED_STATUS = 404;

  private final LlmStub script;
  private final WireFormat format;
  private final Consumer<AssertionError> unmatched;
  private final ServerBehaviour behaviour;

  ScriptedReplies(LlmStub script, WireFormat format, Consumer<AssertionError> unmatched, ServerBehaviour behaviour) {
    this.script = script;
    this.format = format;
    this.unmatched = unmatched;
    this.behaviour = behaviour;
  }

  @Override
  public Outcome answer(HttpExchange exchange, JsonNode body, ChatRequest request) {
    boolean streaming = format.isStreaming(exchange.path(), body);
    ChaosEngine engine = behaviour.chaos();
    ChaosDraw draw = engine.next(streaming);
    if (draw.fault() != null && draw.fault().replacesAnswer()) {
      return ChaosFaults.replaceAnswer(draw, format, request);
    }
    try {
      ChatResponse response = script.chat(request);
      format.answered(request, response);
      if (draw.fault() != null) {
        return ChaosFaults.corrupt(draw, format, response, body, streaming);
      }
      WireResponse wire = streaming
          ? WireResponse.eventStream(format.streamEvents(response, body, true))
          : WireResponse.json(format.responseBody(response));
      Outcome outcome = Outcome.answered(wire, response);
      return engine.isOn() ? outcome.withChaos(draw) : outcome;
    } catch (UnmatchedLlmRequestError error) {
      AssertionError report = engine.isOn()
          ? new AssertionError(error.getMessage() + "\n\nWhile " + engine.describe(), error) : error;
      unmatched.accept(report);
      LlmException failure = new LlmException("agenttrace_unmatched_request", UNMATCHED_STATUS, report.getMessage());
      return Outcome.failed(WireResponse.error(UNMATCHED_STATUS, format.errorBody(UNMATCHED_STATUS, failure)), failure);
    } catch (HttpFault fault) {
      return Outcome.failed(faultResponse(fault, request, body, streaming), fault);
    } catch (LlmException failure) {
      int status = failure.statusCode() > 0 ? failure.statusCode() : 500;
      WireResponse wire = WireResponse.error(status, format.errorBody(status, failure));
      return Outcome.failed(status == 429 ? wire.withHeader("retry-after", "1") : wire, failure);
    }
  }

  private WireResponse faultResponse(HttpFault fault, ChatRequest request, JsonNode body, boolean streaming) {
    switch (fault.kind()) {
      case TIMEOUT:
        return WireResponse.error(fault.statusCode(), format.errorBody(fault.statusCode(), fault))
            .delayedBy(fault.delay());
      case STREAM_CUT: {
        ChatResponse partial = partial(fault, request);
        if (!streaming) {
          String whole = format.responseBody(partial);
          return WireResponse.json(whole.substring(0, whole.length() / 2));
        }
        return WireResponse.eventStream(format.streamEvents(partial, body, false));
      }
      case STREAM_ERROR:
        if (!streaming) {
          return WireResponse.error(fault.statusCode(), format.errorBody(fault.statusCode(), fault));
        }
        return WireResponse.eventStream(format.streamEvents(partial(fault, request), body, false)
            + format.streamErrorEvent(fault));
      default:
        long seconds = (fault.delay().plus(Duration.ofMillis(999)).toMillis()) / 1000;
        return WireResponse.error(fault.statusCode(), format.errorBody(fault.statusCode(), fault))
            .withHeader("retry-after", Long.toString(seconds));
    }
  }

  private static ChatResponse partial(HttpFault fault, ChatRequest request) {
    return new ChatResponse("partial", request.model(), Message.assistant(fault.partialText()), FinishReason.ERROR,
        null);
  }
}
