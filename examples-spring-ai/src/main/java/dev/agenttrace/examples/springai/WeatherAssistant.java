package dev.agenttrace.examples.springai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/**
 * Answers weather questions: one {@code ChatClient} call, in which Spring AI asks the model, runs the
 * {@code get_weather} tool the model requests and asks the model again with its result.
 */
@Service
public class WeatherAssistant {
  static final String SYSTEM_PROMPT = "You answer weather questions. Use get_weather for current conditions.";

  private final ChatClient chatClient;

  public WeatherAssistant(ChatClient.Builder chatClient, WeatherTools tools) {
    this.chatClient = chatClient.defaultSystem(SYSTEM_PROMPT).defaultTools(tools).build();
  }

  /** The model's answer to {@code question}. */
  public String ask(String question) {
    return chatClient.prompt().user(question).call().content();
  }
}
