package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the fault a {@link ChaosDraw} picked, in the provider's wire format: an error response (rate limit, server
 * error, overloaded, time-out) instead of the answer, or the scripted answer corrupted (a stream cut after a drawn
 * event, truncated JSON in a drawn event, tool arguments cut in half). A fault that cannot apply (a one-event stream,
 * a reply without tool calls) leaves the answer as it is and is not logged.
 */
final class ChaosFaults {
  private ChaosFaults() {}

  static Outcome replaceAnswer(ChaosDraw draw, WireFormat format, ChatRequest request) {
    Chaos chaos = draw.engine().chaos();
    switch (draw.fault()) {
      case RATE_LIMIT: {
        Duration after = chaos.retryAfter();
        long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
        LlmException failure = draw.inject("rate_limit_exceeded", 429,
            "429 rate limit, retry after " + after.toMillis() + " ms");
        return Outcome.failed(WireResponse.error(429, format.errorBody(429, failure))
            .withHeader("retry-after", Long.toString(seconds))
            .withHeader("retry-after-ms", Long.toString(after.toMillis())), failure).withChaos(draw);
      }
      case SERVER_ERROR: {
        LlmException failure = draw.inject("server_error", 500, "500 server error");
        return Outcome.failed(WireResponse.error(500, format.errorBody(500, failure)), failure).withChaos(draw);
      }
      case OVERLOADED: {
        int status = format.overloadedStatus();
        LlmException failure = draw.inject("overloaded_error", status, status + " overloaded");
        return Outcome.failed(WireResponse.error(status, format.errorBody(status, failure)), failure)
            .withChaos(draw);
      }
      default: {
        Duration hold = chaos.timeoutAfter();
        LlmException failure = draw.inject("timeout", 504, "no answer for " + hold.toMillis() + " ms, then 504");
        return Outcome.failed(WireResponse.error(504, format.errorBody(504, failure)).delayedBy(hold), failure)
            .withChaos(draw);
      }
    }
  }

  static Outcome corrupt(ChaosDraw draw, WireFormat format, ChatResponse response, JsonNode body,
      boolean streaming) {
    switch (draw.fault()) {
      case MALFORMED_TOOL_ARGUMENTS: {
        if (!response.hasToolCalls()) {
          return answered(format, response, body, streaming).withChaos(draw.withoutFault());
        }
        ChatResponse broken = withBrokenArguments(response);
        draw.inject("malformed_tool_arguments", 200, "arguments of tool call " + response.toolCalls().get(0).id()
            + " cut to " + broken.toolCalls().get(0).arguments());
        return answered(format, broken, body, streaming).withChaos(draw);
      }
      case STREAM_CUT: {
        List<String> events = SseEvents.split(format.streamEvents(response, body, true));
        if (events.size() < 2) {
          return answered(format, response, body, streaming).withChaos(draw.withoutFault());
        }
        int kept = 1 + (int) (draw.position() * (events.size() - 1));
        LlmException failure = draw.inject("stream_cut", 200,
            "stream cut after event " + kept + " of " + events.size());
        return Outcome.failed(WireResponse.eventStream(String.join("", events.subList(0, kept))), failure)
            .withChaos(draw);
      }
      default: {
        List<String> events = new ArrayList<>(SseEvents.split(format.streamEvents(response, body, true)));
        List<Integer> json = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
          if (events.get(i).contains("data: {")) {
            json.add(i);
          }
        }
        if (json.isEmpty()) {
          return answered(format, response, body, streaming).withChaos(draw.withoutFault());
        }
        int index = json.get((int) (draw.position() * json.size()));
        events.set(index, truncatedData(events.get(index)));
        LlmException failure = draw.inject("malformed_sse", 200,
            "truncated JSON in event " + (index + 1) + " of " + events.size());
        return Outcome.failed(WireResponse.eventStream(String.join("", events)), failure).withChaos(draw);
      }
    }
  }

  private static Outcome answered(WireFormat format, ChatResponse response, JsonNode body, boolean streaming) {
    return Outcome.answered(streaming
        ? WireResponse.eventStream(format.streamEvents(response, body, true))
        : WireResponse.json(format.responseBody(response)), response);
  }

  private static ChatResponse withBrokenArguments(ChatResponse response) {
    List<ToolCall> calls = new ArrayList<>(response.toolCalls());
    ToolCall first = calls.get(0);
    String arguments = first.arguments().length() < 2 ? "{" : TextPieces.halves(first.arguments()).get(0);
    calls.set(0, new ToolCall(first.id(), first.name(), arguments));
    Message message = Message.assistant(response.text().isEmpty() ? null : response.text(), calls);
    return new ChatResponse(response.id(), response.model(), message, response.finishReason(), response.usage());
  }

  /** The event with the JSON of its {@code data:} line cut in half. */
  private static String truncatedData(String event) {
    int start = event.indexOf("data: {") + "data: ".length();
    int end = event.indexOf('\n', start);
    String json = event.substring(start, end);
    return event.substring(0, start) + json.substring(0, json.length() / 2) + event.substring(end);
  }
}
