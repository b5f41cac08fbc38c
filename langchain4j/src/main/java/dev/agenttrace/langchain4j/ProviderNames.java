package dev.agenttrace.langchain4j;

import dev.langchain4j.model.ModelProvider;
import java.util.Locale;

/** LangChain4j's {@link ModelProvider} as the GenAI semantic conventions spell {@code gen_ai.provider.name}. */
final class ProviderNames {
  private ProviderNames() {}

  static String of(ModelProvider provider) {
    if (provider == null) {
      return "langchain4j";
    }
    return switch (provider) {
      case OPEN_AI -> "openai";
      case AZURE_OPEN_AI -> "azure.ai.openai";
      case ANTHROPIC -> "anthropic";
      case GOOGLE_AI_GEMINI, GOOGLE_GENAI -> "gcp.gemini";
      case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> "gcp.vertex_ai";
      case AMAZON_BEDROCK -> "aws.bedrock";
      case MISTRAL_AI -> "mistral_ai";
      case WATSONX -> "ibm.watsonx.ai";
      case GITHUB_MODELS -> "github";
      default -> provider.name().toLowerCase(Locale.ROOT);
    };
  }
}
