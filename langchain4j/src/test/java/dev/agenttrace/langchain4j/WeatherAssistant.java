package dev.agenttrace.langchain4j;

import dev.langchain4j.service.SystemMessage;

/** The weather agent as a LangChain4j AI service. */
interface WeatherAssistant {
  @SystemMessage("You answer weather questions. Use get_weather for current conditions.")
  String ask(String question);
}
