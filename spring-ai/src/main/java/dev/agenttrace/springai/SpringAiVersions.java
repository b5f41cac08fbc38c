package dev.agenttrace.springai;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationConvention;
import org.springframework.ai.chat.client.observation.ChatClientObservationConvention;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * What the adapter uses that differs between Spring AI 1.1 (which it is compiled against) and 2.0, looked up once by
 * name so one jar runs on both: the tool names a prompt's options name without callbacks (1.1 only), the tool call id
 * on a tool observation (2.0 only), and the {@code ToolCallingAdvisor} through which a 2.0 {@code ChatClient} runs its
 * tools (with the tool calling manager it is given).
 */
final class SpringAiVersions {
  private static final Method TOOL_NAMES = method(ToolCallingChatOptions.class, "getToolNames");
  private static final Method TOOL_CALL_ID = method(ToolCallingObservationContext.class, "getToolCallId");
  private static final Class<?> TOOL_CALLING_ADVISOR =
      type("org.springframework.ai.chat.client.advisor.ToolCallingAdvisor");
  private static final Method CHAT_CLIENT_WITH_TOOL_CALLING = TOOL_CALLING_ADVISOR == null ? null
      : method(ChatClient.class, "builder", ChatModel.class, ObservationRegistry.class,
          ChatClientObservationConvention.class, AdvisorObservationConvention.class, builderOf(TOOL_CALLING_ADVISOR));

  private SpringAiVersions() {}

  /** The tools {@code options} name without a callback (Spring AI 1.1's {@code getToolNames()}); none on 2.0. */
  static List<String> toolNames(ToolCallingChatOptions options) {
    List<String> names = new ArrayList<>();
    if (invoke(TOOL_NAMES, options) instanceof Collection<?> values) {
      values.forEach(name -> names.add(String.valueOf(name)));
    }
    return names;
  }

  /** The tool call id Spring AI 2.0 puts on the tool observation; empty on 1.1, or when it has none. */
  static Optional<String> toolCallId(ToolCallingObservationContext tool) {
    return invoke(TOOL_CALL_ID, tool) instanceof String id && !id.isEmpty() ? Optional.of(id) : Optional.empty();
  }

  /**
   * A {@code ChatClient} builder observed in {@code registry} whose tools run through {@code toolCallingManager}: on
   * 2.0 its {@code ToolCallingAdvisor} gets the manager; on 1.1 the chat model runs the tools, with the manager it was
   * built with.
   */
  static ChatClient.Builder chatClientBuilder(ChatModel model, ObservationRegistry registry,
      ToolCallingManager toolCallingManager) {
    if (CHAT_CLIENT_WITH_TOOL_CALLING == null) {
      return ChatClient.builder(model, registry, null, null);
    }
    Object advisor = invoke(method(TOOL_CALLING_ADVISOR, "builder"), null);
    Object withManager = invoke(method(advisor.getClass(), "toolCallingManager", ToolCallingManager.class), advisor,
        toolCallingManager);
    return (ChatClient.Builder) invoke(CHAT_CLIENT_WITH_TOOL_CALLING, null, model, registry, null, null, withManager);
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    if (type == null) {
      return null;
    }
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException notInThisVersion) {
      return null;
    }
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name, false, SpringAiVersions.class.getClassLoader());
    } catch (ClassNotFoundException notInThisVersion) {
      return null;
    }
  }

  private static Class<?> builderOf(Class<?> type) {
    Method builder = method(type, "builder");
    return builder == null ? null : builder.getReturnType();
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException | InvocationTargetException unusable) {
      throw new IllegalStateException("agenttrace-spring-ai could not call Spring AI's " + method
          + "; check that your Spring AI version is one docs/frameworks.md lists as tested", unusable);
    }
  }
}
