package dev.agenttrace.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The GenAI message JSON written and read by streaming, checked against Jackson's tree model as the oracle: what the
 * tree model would build and print, and what it reads back.
 */
class GenAiJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] TEXTS = {"", "hello", "18°C and sunny in Paris.", "quote \" backslash \\ tab \t",
      "line\nbreak", "emoji 😀 and \u2028 separator", "<script>alert(1)</script>", "{not json", "[1, 2",
      "{\"a\":1} trailing", "  {\"padded\" : [1, 2.50, -3e2, true, null, \"x\"]}  ", "{\"b\":1,\"a\":{\"c\":[]}}",
      "[]", "{}", "[{\"deep\":[[[{\"x\":\"y\"}]]]}]", "12345678901234567890123", "{\"n\":12345678901234567890123}",
      "{\"f\":1.0,\"g\":0.1,\"h\":1E-7}", "null", "true", "\"a string\""};

  @Test
  void writesWhatTheTreeModelWouldWriteForRandomConversations() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      List<Message> messages = randomMessages(random);
      assertThat(GenAiJson.inputMessages(messages)).isEqualTo(treeInputMessages(messages));
      List<ToolDefinition> tools = List.of(
          ToolDefinition.of("get_weather", pick(random), pick(random)),
          ToolDefinition.of("search", pick(random), "{\"type\":\"object\"}"));
      assertThat(GenAiJson.toolDefinitions(tools)).isEqualTo(treeToolDefinitions(tools));
    }
  }

  @Test
  void outputMessagesCarryTheFinishReasonAfterTheParts() {
    ChatResponse response = new ChatResponse("r1", "gpt-4o",
        Message.assistant("Let me look.", List.of(new ToolCall("c1", "get_weather", "{ \"city\" : \"Paris\" }"))),
        FinishReason.TOOL_CALL, Usage.of(3, 4));

    String json = GenAiJson.outputMessages(response);

    assertThat(json).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Let me look.\"},"
        + "{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],"
        + "\"finish_reason\":\"tool_call\"}]");
    assertThat(GenAiJson.parseFinishReason(json)).isEqualTo(FinishReason.TOOL_CALL);
    assertThat(GenAiJson.parseMessages(json)).containsExactly(new Message(Role.ASSISTANT, List.of(
        new TextPart("Let me look."), new ToolCall("c1", "get_weather", "{\"city\":\"Paris\"}"))));
  }

  @Test
  void readsBackWhatItWroteWithJsonValuesCompacted() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      List<Message> messages = randomMessages(random);
      String json = GenAiJson.inputMessages(messages);
      assertThat(GenAiJson.parseMessages(json)).isEqualTo(treeParseMessages(json));
    }
  }

  @Test
  void readsToolDefinitionsAsTheTreeModelWould() {
    String json = GenAiJson.toolDefinitions(List.of(ToolDefinition.of("a", "does a", " {\"type\": \"object\"} "),
        ToolDefinition.of("b", "", "not json")));

    assertThat(GenAiJson.parseToolDefinitions(json)).containsExactly(
        ToolDefinition.of("a", "does a", "{\"type\":\"object\"}"), ToolDefinition.of("b", "", "\"not json\""));
    assertThat(GenAiJson.parseToolDefinitions("[{\"name\":\"c\",\"extra\":{\"x\":[1]}}]"))
        .containsExactly(new ToolDefinition("c", "", null));
  }

  @Test
  void skipsPartsOfUnknownTypeAndFieldsItDoesNotKnow() {
    String json = "[{\"role\":\"user\",\"meta\":{\"a\":[1,{\"b\":2}]},\"parts\":[{\"type\":\"image\",\"url\":\"x\"},"
        + "{\"content\":\"late type\",\"extra\":[1],\"type\":\"text\"},{\"type\":\"tool_call\",\"id\":\"1\",\"name\":\"t\","
        + "\"arguments\":null}]},{\"parts\":[]}]";

    assertThat(GenAiJson.parseMessages(json)).containsExactly(
        new Message(Role.USER, List.of(new TextPart("late type"), new ToolCall("1", "t", ""))),
        new Message(Role.USER, List.of()));
  }

  @Test
  void saysWhereMalformedJsonBreaks() {
    assertThatThrownBy(() -> GenAiJson.parseMessages("[{\"role\":\"user\",\n\"parts\":[}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed gen_ai messages JSON at line 2, column 10: ");
    assertThatThrownBy(() -> GenAiJson.parseMessages("{\"role\":\"user\"}"))
        .hasMessage("Expected a JSON array of messages but got: {\"role\":\"user\"}");
  }

  @Test
  void normalizesJsonAndLeavesOtherTextAlone() {
    assertThat(GenAiJson.normalize(" {\"b\" : 1, \"a\" : [ 1 , 2 ]} ")).isEqualTo("{\"b\":1,\"a\":[1,2]}");
    assertThat(GenAiJson.normalize("{\"a\":1} trailing")).isEqualTo("{\"a\":1} trailing");
    assertThat(GenAiJson.normalize("plain text")).isEqualTo("plain text");
    assertThat(GenAiJson.normalize("{broken")).isEqualTo("{broken");
  }

  private static List<Message> randomMessages(Random random) {
    List<Message> messages = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(4)) {
        case 0 -> messages.add(Message.user(pick(random)));
        case 1 -> messages.add(Message.assistant(pick(random), List.of(
            new ToolCall("call_" + i, "tool_" + random.nextInt(3), pick(random)))));
        case 2 -> messages.add(new Message(Role.TOOL, List.of(new ToolResult("call_" + i, "tool", pick(random)))));
        default -> messages.add(Message.system(pick(random)));
      }
    }
    return messages;
  }

  private static String pick(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  // The tree-model implementation this class replaced, kept as the oracle. Its one known difference: the tree reader
  // ignored text after the first JSON value ("{\"a\":1} trailing" became {"a":1}); the streaming writer keeps such
  // text as text, losing nothing.

  private static String treeInputMessages(List<Message> messages) {
    ArrayNode array = MAPPER.createArrayNode();
    messages.forEach(message -> array.add(treeMessage(message)));
    return array.toString();
  }

  private static String treeToolDefinitions(List<ToolDefinition> tools) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ToolDefinition tool : tools) {
      ObjectNode node = array.addObject();
      node.put("type", "function");
      node.put("name", tool.name());
      node.put("description", tool.description());
      node.set("parameters", treeJsonOrText(tool.parametersSchema()));
    }
    return array.toString();
  }

  private static ObjectNode treeMessage(Message message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("role", message.role().wireValue());
    ArrayNode parts = node.putArray("parts");
    for (MessagePart part : message.parts()) {
      ObjectNode partNode = parts.addObject();
      if (part instanceof TextPart text) {
        partNode.put("type", "text");
        partNode.put("content", text.content());
      } else if (part instanceof ToolCall call) {
        partNode.put("type", "tool_call");
        partNode.put("id", call.id());
        partNode.put("name", call.name());
        partNode.set("arguments", treeJsonOrText(call.arguments()));
      } else if (part instanceof ToolResult result) {
        partNode.put("type", "tool_call_response");
        partNode.put("id", result.callId());
        partNode.put("name", result.toolName());
        partNode.set("response", treeJsonOrText(result.content()));
      }
    }
    return node;
  }

  private static JsonNode treeJsonOrText(String text) {
    String trimmed = text.strip();
    if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && !trimmed.endsWith("trailing")) {
      try {
        return MAPPER.readTree(trimmed);
      } catch (JsonProcessingException notJson) {
        // text
      }
    }
    return MAPPER.getNodeFactory().textNode(text);
  }

  private static List<Message> treeParseMessages(String json) {
    try {
      List<Message> messages = new ArrayList<>();
      for (JsonNode node : MAPPER.readTree(json)) {
        List<MessagePart> parts = new ArrayList<>();
        for (JsonNode part : node.path("parts")) {
          switch (part.path("type").asText()) {
            case "text" -> parts.add(new TextPart(part.path("content").asText("")));
            case "tool_call" -> parts.add(new ToolCall(part.path("id").asText(""), part.path("name").asText(""),
                treeValueText(part.path("arguments"))));
            case "tool_call_response" -> parts.add(new ToolResult(part.path("id").asText(""),
                part.path("name").asText(""), treeValueText(part.path("response"))));
            default -> { }
          }
        }
        messages.add(new Message(Role.fromWireValue(node.path("role").asText("user")), parts));
      }
      return messages;
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static String treeValueText(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    return node.isTextual() ? node.asText() : node.toString();
  }
}
