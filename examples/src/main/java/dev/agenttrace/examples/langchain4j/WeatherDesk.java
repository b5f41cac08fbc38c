package dev.agenttrace.examples.langchain4j;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import java.util.Map;

/**
 * The weather agent as a two-agent {@code langchain4j-agentic} sequence: a city picker finds the city of the question,
 * then a weather reporter answers with {@code get_weather}.
 */
public final class WeatherDesk {
  /** Finds the city a question is about. */
  public interface CityPicker {
    @UserMessage("Which city is this question about? Answer with the city only. {{question}}")
    @Agent(name = "CityPicker", description = "Finds the city of a weather question", outputKey = "city")
    String pick(@V("question") String question);
  }

  /** Answers with the weather of a city, using get_weather. */
  public interface WeatherReporter {
    @UserMessage("What's the weather in {{city}}?")
    @Agent(name = "WeatherReporter", description = "Reports the weather of a city", outputKey = "answer")
    String report(@V("city") String city);
  }

  private final UntypedAgent sequence;

  /**
   * A desk on {@code model} whose reporter calls {@code tools}; {@code listener} observes every agent (pass
   * {@code null} for none), {@code toolErrors} decides what the model is told when a tool throws.
   */
  public WeatherDesk(ChatModel model, WeatherTools tools, AgentListener listener, ToolExecutionErrorHandler toolErrors) {
    CityPicker picker = AgenticServices.agentBuilder(CityPicker.class).chatModel(model).build();
    WeatherReporter reporter = AgenticServices.agentBuilder(WeatherReporter.class).chatModel(model).tools(tools)
        .toolExecutionErrorHandler(toolErrors).build();
    var builder = AgenticServices.sequenceBuilder().name("WeatherDesk").subAgents(picker, reporter)
        .outputKey("answer");
    this.sequence = (listener == null ? builder : builder.listener(listener)).build();
  }

  public String ask(String question) {
    return String.valueOf(sequence.invoke(Map.of("question", question)));
  }
}
