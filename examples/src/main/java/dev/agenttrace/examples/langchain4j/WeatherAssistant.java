package dev.agenttrace.examples.langchain4j;

import dev.langchain4j.service.SystemMessage;

/** The weather agent as a LangChain4j AI service: the model decides when to call {@link WeatherTools}. */
public interface WeatherAssistant {
  @SystemMessage("You answer weather questions. Use get_weather for current conditions.")
  String ask(String question);
}
