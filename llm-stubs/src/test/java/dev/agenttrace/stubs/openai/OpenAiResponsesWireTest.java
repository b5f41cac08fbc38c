package dev.agenttrace.stubs.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.http.RawHttp;
import dev.agenttrace.stubs.http.SseEvents;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Responses API on {@link OpenAiStub}'s own server, next to chat completions, read as raw JSON and SSE. */
class OpenAiResponsesWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RawHttp http = new RawHttp();

  @Test
  void answersParallelToolCallsAsFunctionCallItemsWithUsage() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenLastUserMessageContains("Paris and Rome").replyWithToolCalls(
          AgentStubs.toolCall("get_weather", "{\"city\":\"Paris\"}"),
          AgentStubs.toolCall("get_weather", "{\"city\":\"Rome\"}")).withUsage(30, 12);

      JsonNode response = JSON.readTree(http.post(openAi.baseUrl() + "/responses", "{\"model\":\"gpt-4.1\","
          + "\"instructions\":\"Be brief.\",\"input\":\"Weather in Paris and Rome?\",\"tools\":[{\"type\":\"function\","
          + "\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}]}").body());

      assertThat(response.path("object").asText()).isEqualTo("response");
      assertThat(response.path("status").asText()).isEqualTo("completed");
      assertThat(response.path("output")).hasSize(2).allSatisfy(item -> {
        assertThat(item.path("type").asText()).isEqualTo("function_call");
        assertThat(item.path("id").asText()).startsWith("fc_call_");
      });
      assertThat(response.path("output").get(1).path("arguments").asText()).isEqualTo("{\"city\":\"Rome\"}");
      assertThat(response.path("usage").path("total_tokens").asLong()).isEqualTo(42);
      assertThat(openAi.requests().get(0).messages()).extracting(message -> message.role())
          .containsExactly(Role.SYSTEM, Role.USER);
    }
  }

  @Test
  void previousResponseIdContinuesTheStoredConversation() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
      openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
      JsonNode first = JSON.readTree(http.post(openAi.baseUrl() + "/responses",
          "{\"model\":\"gpt-4.1\",\"input\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}").body());
      String callId = first.path("output").get(0).path("call_id").asText();

      JsonNode second = JSON.readTree(http.post(openAi.baseUrl() + "/responses", "{\"model\":\"gpt-4.1\","
          + "\"previous_response_id\":\"" + first.path("id").asText() + "\",\"input\":[{\"type\":"
          + "\"function_call_output\",\"call_id\":\"" + callId + "\",\"output\":\"18C sunny\"}]}").body());
      HttpResponse<String> unknown = http.post(openAi.baseUrl() + "/responses",
          "{\"model\":\"gpt-4.1\",\"previous_response_id\":\"resp_nope\",\"input\":\"Hi\"}");

      assertThat(second.path("output").get(0).path("content").get(0).path("text").asText())
          .isEqualTo("18°C and sunny.");
      assertThat(openAi.requests().get(1).messages()).extracting(message -> message.role())
          .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
      assertThat(openAi.requests().get(1).lastMessage().toolResults().get(0).toolName()).isEqualTo("get_weather");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("Previous response with id 'resp_nope' not found.");
    }
  }

  @Test
  void streamsNamedSemanticEventsInSequence() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().reply(new dev.agenttrace.llm.ChatResponse("resp_9", "gpt-4.1",
          dev.agenttrace.llm.Message.assistant("Checking.", List.of(new ToolCall("call_7", "get_weather",
              "{\"city\":\"Oslo\"}"))), dev.agenttrace.llm.FinishReason.TOOL_CALL,
          dev.agenttrace.llm.Usage.of(5, 6)));

      String stream = http.post(openAi.baseUrl() + "/responses",
          "{\"model\":\"gpt-4.1\",\"input\":\"Oslo?\",\"stream\":true}").body();

      List<String> types = SseEvents.split(stream).stream().map(event -> event.substring(7, event.indexOf('\n')))
          .toList();
      assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
          "response.content_part.added", "response.output_text.delta", "response.output_text.done",
          "response.content_part.done", "response.output_item.done", "response.output_item.added",
          "response.function_call_arguments.delta", "response.function_call_arguments.delta",
          "response.function_call_arguments.done", "response.output_item.done", "response.completed");
      assertThat(stream).contains("\"sequence_number\":13").contains("\"delta\":\"{\\\"city\\\"\"")
          .contains("\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"");
    }
  }
}
