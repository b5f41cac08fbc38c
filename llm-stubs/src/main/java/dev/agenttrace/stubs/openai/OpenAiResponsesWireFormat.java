package dev.agenttrace.stubs.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.http.SseEvents;
import dev.agenttrace.stubs.http.TextPieces;
import dev.agenttrace.stubs.http.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI Responses API on the wire ({@code POST /v1/responses}): {@code response} objects whose {@code output}
 * holds a {@code message} item ({@code output_text}) and one {@code function_call} item per tool call (arguments as a
 * JSON string, {@code call_id} = the tool call id), {@code usage}, {@code status} ({@code incomplete} with
 * {@code max_output_tokens} / {@code content_filter} for those finish reasons); streams of named semantic events
 * ({@code response.created}, {@code response.in_progress}, {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}/{@code .done},
 * {@code response.function_call_arguments.delta}/{@code .done}, {@code response.output_item.done},
 * {@code response.completed}) numbered by {@code sequence_number}; errors as in chat completions, and an
 * {@code error} event mid-stream.
 *
 * <p>Keeps the conversation of every response it answered, so a request with {@code previous_response_id} is seen by
 * the script with the earlier turns first (an unknown id is a 400, as on the real API). One instance per stub.
 */
final class OpenAiResponsesWireFormat implements WireFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, List<Message>> conversations = new ConcurrentHashMap<>();

  @Override
  public String providerName() {
    return "openai";
  }

  @Override
  public String chatPathRegex() {
    return "(/v1)?/responses";
  }

  @Override
  public String baseUrlSuffix() {
    return "/v1";
  }

  @Override
  public ChatRequest decode(String path, JsonNode body) {
    List<Message> previous = List.of();
    JsonNode previousId = body.path("previous_response_id");
    if (previousId.isTextual()) {
      previous = conversations.get(previousId.asText());
      if (previous == null) {
        throw new IllegalArgumentException("Previous response with id '" + previousId.asText() + "' not found.");
      }
    }
    return OpenAiResponsesRequestDecoder.decode(body, previous);
  }

  @Override
  public void answered(ChatRequest request, ChatResponse response) {
    List<Message> conversation = new ArrayList<>();
    request.messages().stream().filter(message -> message.role() != Role.SYSTEM).forEach(conversation::add);
    conversation.add(response.message());
    conversations.put(response.id(), List.copyOf(conversation));
  }

  @Override
  public boolean isStreaming(String path, JsonNode body) {
    return body.path("stream").asBoolean(false);
  }

  @Override
  public String responseBody(ChatResponse response) {
    return response(response, true).toString();
  }

  @Override
  public String streamEvents(ChatResponse response, JsonNode requestBody, boolean complete) {
    Events events = new Events();
    ObjectNode opening = response(response, false);
    events.add("response.created", MAPPER.createObjectNode().set("response", opening));
    events.add("response.in_progress", MAPPER.createObjectNode().set("response", opening));
    List<ObjectNode> items = outputItems(response);
    for (int index = 0; index < items.size(); index++) {
      ObjectNode item = items.get(index);
      String itemId = item.get("id").asText();
      ObjectNode added = item.deepCopy().put("status", "in_progress");
      boolean message = "message".equals(item.get("type").asText());
      if (message) {
        added.putArray("content");
      } else {
        added.put("arguments", "");
      }
      events.add("response.output_item.added", MAPPER.createObjectNode().put("output_index", index)
          .set("item", added));
      if (message) {
        streamText(events, response.text(), itemId, index, complete);
      } else {
        streamArguments(events, item, itemId, index, complete);
      }
      if (complete) {
        events.add("response.output_item.done", MAPPER.createObjectNode().put("output_index", index)
            .set("item", item));
      }
    }
    if (complete) {
      events.add("response.completed", MAPPER.createObjectNode().set("response", response(response, true)));
    }
    return events.toString();
  }

  private static void streamText(Events events, String text, String itemId, int index, boolean complete) {
    events.add("response.content_part.added", part(itemId, index).set("part", outputText("")));
    for (String piece : TextPieces.split(text)) {
      ObjectNode delta = part(itemId, index).put("delta", piece);
      delta.putArray("logprobs");
      events.add("response.output_text.delta", delta);
    }
    if (complete) {
      ObjectNode done = part(itemId, index).put("text", text);
      done.putArray("logprobs");
      events.add("response.output_text.done", done);
      events.add("response.content_part.done", part(itemId, index).set("part", outputText(text)));
    }
  }

  private static void streamArguments(Events events, ObjectNode item, String itemId, int index, boolean complete) {
    String arguments = item.get("arguments").asText();
    for (String piece : TextPieces.halves(arguments)) {
      events.add("response.function_call_arguments.delta", MAPPER.createObjectNode().put("item_id", itemId)
          .put("output_index", index).put("delta", piece));
    }
    if (complete) {
      events.add("response.function_call_arguments.done", MAPPER.createObjectNode().put("item_id", itemId)
          .put("output_index", index).put("name", item.get("name").asText()).put("arguments", arguments));
    }
  }

  private static ObjectNode part(String itemId, int index) {
    return MAPPER.createObjectNode().put("item_id", itemId).put("output_index", index).put("content_index", 0);
  }

  @Override
  public String streamErrorEvent(LlmException error) {
    ObjectNode event = MAPPER.createObjectNode().put("type", "error").put("code", error.errorType())
        .put("message", error.getMessage());
    event.putNull("param");
    event.put("sequence_number", 0);
    return new SseEvents().event("error", event.toString()).toString();
  }

  @Override
  public String errorBody(int status, LlmException error) {
    return OpenAiWireFormat.errorNode(error).toString();
  }

  /** The {@code response} object; while in progress without output and usage. */
  private static ObjectNode response(ChatResponse response, boolean done) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", response.id());
    root.put("object", "response");
    root.put("created_at", OpenAiWireFormat.CREATED);
    String status = "completed";
    String incomplete = null;
    if (response.finishReason() == FinishReason.LENGTH) {
      status = "incomplete";
      incomplete = "max_output_tokens";
    } else if (response.finishReason() == FinishReason.CONTENT_FILTER) {
      status = "incomplete";
      incomplete = "content_filter";
    }
    root.put("status", done ? status : "in_progress");
    root.putNull("error");
    if (done && incomplete != null) {
      root.putObject("incomplete_details").put("reason", incomplete);
    } else {
      root.putNull("incomplete_details");
    }
    root.putNull("instructions");
    root.putNull("max_output_tokens");
    root.put("model", response.model());
    ArrayNode output = root.putArray("output");
    if (done) {
      outputItems(response).forEach(output::add);
    }
    root.put("parallel_tool_calls", true);
    root.putNull("previous_response_id");
    root.put("temperature", 1.0);
    root.put("tool_choice", "auto");
    root.putArray("tools");
    root.put("top_p", 1.0);
    root.put("truncation", "disabled");
    if (done) {
      root.set("usage", usage(response.usage()));
    } else {
      root.putNull("usage");
    }
    root.putObject("metadata");
    return root;
  }

  private static List<ObjectNode> outputItems(ChatResponse response) {
    List<ObjectNode> items = new ArrayList<>();
    if (!response.text().isEmpty()) {
      ObjectNode message = MAPPER.createObjectNode().put("type", "message").put("id", "msg_" + suffix(response))
          .put("status", "completed").put("role", "assistant");
      message.putArray("content").add(outputText(response.text()));
      items.add(message);
    }
    for (ToolCall call : response.toolCalls()) {
      items.add(MAPPER.createObjectNode().put("type", "function_call").put("id", "fc_" + call.id())
          .put("call_id", call.id()).put("name", call.name()).put("arguments", call.arguments())
          .put("status", "completed"));
    }
    return items;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = MAPPER.createObjectNode().put("type", "output_text").put("text", text);
    part.putArray("annotations");
    part.putArray("logprobs");
    return part;
  }

  private static String suffix(ChatResponse response) {
    String id = response.id();
    return id.startsWith("resp_") ? id.substring("resp_".length()) : id;
  }

  private static ObjectNode usage(Usage usage) {
    ObjectNode node = MAPPER.createObjectNode().put("input_tokens", usage.inputTokens());
    node.putObject("input_tokens_details").put("cached_tokens", 0);
    node.put("output_tokens", usage.outputTokens());
    node.putObject("output_tokens_details").put("reasoning_tokens", 0);
    node.put("total_tokens", usage.totalTokens());
    return node;
  }

  /** Named events whose {@code type} is the event name, numbered by {@code sequence_number} from 0. */
  private static final class Events {
    private final SseEvents events = new SseEvents();
    private int sequence;

    void add(String type, ObjectNode data) {
      ObjectNode event = MAPPER.createObjectNode().put("type", type);
      event.setAll(data);
      event.put("sequence_number", sequence++);
      events.event(type, event.toString());
    }

    @Override
    public String toString() {
      return events.toString();
    }
  }
}
