package dev.agenttrace.assertions;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.ToolFailedException;
import dev.agenttrace.trace.AgentTrace;
import java.util.ArrayList;
import java.util.List;

/** Real traces, produced by the runtime on a real SDK, for the assertion tests. */
final class Traces {
  private Traces() {}

  /** The weather agent: two segments, two LLM calls, one get_weather call; the tool result contains a '%'. */
  static AgentTrace weather() {
    return run((ctx, question) -> {
      List<Message> messages = new ArrayList<>(List.of(Message.user(question)));
      ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", messages));
      while (reply.hasToolCalls()) {
        messages.add(reply.message());
        messages.addAll(ctx.callTools(reply.toolCalls()));
        reply = ctx.chat(ChatRequest.of("gpt-4o", messages));
      }
      return reply.text();
    }, "What's the weather in Paris?");
  }

  /** An agent whose charge_card tool throws; the agent recovers. */
  static AgentTrace failingTool() {
    return run((ctx, input) -> {
      ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", Message.user("pay please")));
      try {
        ctx.callTools(List.of(new ToolCall("call_2", "charge_card", "{\"amount\":5}")));
      } catch (ToolFailedException e) {
        return "failed";
      }
      return reply.text();
    }, "x");
  }

  /**
   * A workflow with steps over three segments: a step, a chat, a tool wait, a timer, another step and a chat. The
   * LLM reply contains JSON; the step result contains a newline and non-ASCII text.
   */
  static AgentTrace workflow() {
    return run((ctx, input) -> {
      String order = ctx.step("load-order", () -> "{\"id\":\"A-1\",\"items\":[{\"sku\":\"é-7\",\"qty\":2}]}");
      ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", Message.user("plan " + order)));
      ctx.callTools(reply.toolCalls());
      ctx.sleep(java.time.Duration.ofHours(1));
      ctx.step("notify", () -> "sent\nto café");
      return ctx.chat(ChatRequest.of("gpt-4o", Message.user("summarize"), Message.user(order))).text();
    }, "A-1");
  }

  /** A flaky tool that fails once, then succeeds when the agent retries it. */
  static AgentTrace retriedTool() {
    int[] attempts = {0};
    return run((ctx, input) -> {
      ctx.chat(ChatRequest.of("gpt-4o", Message.user("search")));
      ToolCall search = new ToolCall("call_s1", "search", "{\"q\":\"flights\"}");
      try {
        ctx.callTools(List.of(search));
      } catch (ToolFailedException e) {
        ctx.callTools(List.of(new ToolCall("call_s2", "search", "{\"q\":\"flights\"}")));
      }
      return "ok";
    }, "x", call -> {
      if (attempts[0]++ == 0) {
        throw new IllegalStateException("timeout", new java.io.IOException("connection reset"));
      }
      return "[\"AF123\"]";
    });
  }

  /** The model repeats a tool call id, so the same call runs twice. */
  static AgentTrace repeatedToolCall() {
    return run((ctx, input) -> {
      ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
      ctx.callTools(List.of(call));
      ctx.callTools(List.of(call));
      return "done";
    }, "x");
  }

  private static AgentTrace run(dev.agenttrace.runtime.Agent<String, String> agent, String input) {
    return run(agent, input, call -> {
      if (call.name().equals("charge_card")) {
        throw new IllegalStateException("card declined");
      }
      return "{\"tempC\":18,\"humidity\":\"40%\"}";
    });
  }

  private static AgentTrace run(dev.agenttrace.runtime.Agent<String, String> agent, String input,
      dev.agenttrace.llm.ToolExecutor tools) {
    try (TraceCapture capture = TraceCapture.create()) {
      AgentHarness harness = AgentHarness.builder()
          .openTelemetry(capture.openTelemetry())
          .rootTraceIds(capture::withRootTraceId)
          .traces(capture::trace)
          .llm(request -> request.lastMessage().role() == Role.TOOL
              ? new ChatResponse("r2", "gpt-4o", Message.assistant("18°C, 40% humidity"), FinishReason.STOP,
                  Usage.of(30, 9))
              : new ChatResponse("r1", "gpt-4o",
                  Message.assistant(null, List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                  FinishReason.TOOL_CALL, Usage.of(20, 6)))
          .tools(tools)
          .build();
      AgentRun<String> run = harness.run(agent, input);
      return run.trace();
    }
  }
}
