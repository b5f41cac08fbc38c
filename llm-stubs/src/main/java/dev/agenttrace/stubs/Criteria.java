package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The built-in request criteria behind the matchers of {@link AgentStubs}. */
final class Criteria {
  private Criteria() {}

  static Criterion lastUserMessageContains(String fragment) {
    Objects.requireNonNull(fragment, "fragment");
    return new Criterion("last user message contains " + Text.quote(fragment),
        r -> r.request().lastUserText().contains(fragment), Criteria::lastUserText);
  }

  static Criterion lastUserMessageMatches(String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    return new Criterion("last user message matches /" + Text.abbreviate(regex) + "/",
        r -> pattern.matcher(r.request().lastUserText()).find(), Criteria::lastUserText);
  }

  static Criterion lastMessageIsToolResult(String toolName) {
    Objects.requireNonNull(toolName, "toolName");
    return new Criterion("last message is a tool result of " + toolName,
        r -> r.request().lastMessage().toolResults().stream().anyMatch(result -> result.toolName().equals(toolName)),
        Criteria::lastMessage);
  }

  static Criterion lastMessageIsAnyToolResult() {
    return new Criterion("last message is a tool result",
        r -> r.request().lastMessage().role() == Role.TOOL, Criteria::lastMessage);
  }

  static Criterion turn(int turn) {
    if (turn < 1) {
      throw new IllegalArgumentException("Turns count from 1 but was " + turn);
    }
    return new Criterion("turn is " + turn, r -> r.turn() == turn, r -> "turn " + r.turn());
  }

  static Criterion model(String model) {
    Objects.requireNonNull(model, "model");
    return new Criterion("model is " + Text.quote(model),
        r -> r.request().model().equals(model), r -> Text.quote(r.request().model()));
  }

  static Criterion toolsOffered(String... toolNames) {
    List<String> expected = List.copyOf(Arrays.asList(toolNames));
    return new Criterion("tools offered include " + ConversationText.toolNames(expected),
        r -> offeredNames(r.request()).containsAll(expected), r -> "offered " + ConversationText.toolNames(r.request()));
  }

  static Criterion request(Predicate<ChatRequest> predicate, String description) {
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(description, "description");
    return new Criterion(description, r -> safeTest(predicate, r.request()), r -> customActual(predicate, r.request()));
  }

  static Criterion anyRequest() {
    return new Criterion("any request", r -> true, r -> "");
  }

  private static Set<String> offeredNames(ChatRequest request) {
    return request.tools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
  }

  private static String lastUserText(Received received) {
    boolean hasUserMessage = received.request().messages().stream().anyMatch(m -> m.role() == Role.USER);
    return hasUserMessage ? Text.quote(received.request().lastUserText()) : "(no user message)";
  }

  private static String lastMessage(Received received) {
    Message last = received.request().lastMessage();
    return ConversationText.message(last);
  }

  private static boolean safeTest(Predicate<ChatRequest> predicate, ChatRequest request) {
    try {
      return predicate.test(request);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String customActual(Predicate<ChatRequest> predicate, ChatRequest request) {
    try {
      return predicate.test(request) ? "satisfied" : "predicate not satisfied";
    } catch (RuntimeException e) {
      return "predicate threw " + e.getClass().getSimpleName() + ": " + Text.abbreviate(String.valueOf(e.getMessage()));
    }
  }
}
