package dev.agenttrace.llm;

/**
 * The runtime's port to a chat model. The in-process {@code LlmStub} implements it; adapters for HTTP stubs and
 * real clients plug in the same way. Implementations throw {@link LlmException} for provider errors.
 */
@FunctionalInterface
public interface LlmClient {
  ChatResponse chat(ChatRequest request);

  /** The {@code gen_ai.provider.name} recorded on LLM call spans. */
  default String providerName() {
    return "agenttrace.stub";
  }
}
