package dev.agenttrace.stubs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.stubs.LlmReply;
import dev.agenttrace.stubs.LlmScripting;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ReplyChain;
import dev.agenttrace.stubs.ReplyVocabulary;
import dev.agenttrace.stubs.RequestStubbing;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stub DSL is declared once: every stub type has exactly the {@code whenX} methods of {@link LlmScripting} (the
 * HTTP stubs add only {@code whenJsonPath}, on the raw provider JSON), and a {@link ReplyChain} speaks exactly the
 * {@link ReplyVocabulary} (as {@code then...}) and {@link LlmReply}'s modifiers. A method added to one surface and
 * not the others fails here.
 */
class OneScriptingSurfaceTest {
  private static final List<Class<?>> STUBS = List.of(LlmStub.class, OpenAiStub.class, AnthropicStub.class,
      GeminiStub.class);
  private static final Set<String> HTTP_ONLY_MATCHERS = Set.of("whenJsonPath(String, Object)");

  @Test
  void everyStubIsScriptedThroughTheOneInterface() {
    for (Class<?> stub : STUBS) {
      assertTrue(LlmScripting.class.isAssignableFrom(stub), stub.getSimpleName() + " implements LlmScripting");
    }
  }

  @Test
  void everyStubHasExactlyTheWhenMethodsOfLlmScripting() {
    Set<String> scripting = signatures(Stream.of(LlmScripting.class.getMethods()));
    assertTrue(scripting.containsAll(Set.of("when(RequestMatcher)", "whenAnyRequest()",
        "whenLastUserMessageContains(String)", "whenLastUserMessageMatches(String)",
        "whenLastMessageIsToolResult(String)", "whenTurn(int)", "whenModel(String)", "whenToolsOffered(String[])",
        "whenRequest(Predicate, String)")), () -> "LlmScripting declares " + scripting);

    assertEquals(scripting, whenMethods(LlmStub.class));
    Set<String> http = new TreeSet<>(scripting);
    http.addAll(HTTP_ONLY_MATCHERS);
    assertEquals(http, whenMethods(OpenAiStub.class));
    assertEquals(http, whenMethods(AnthropicStub.class));
    assertEquals(http, whenMethods(GeminiStub.class));
  }

  @Test
  void whenMethodsAreDeclaredOnlyByTheInterfaceOrAreHttpOnlyMatchers() {
    for (Class<?> stub : STUBS) {
      for (Method method : stub.getMethods()) {
        if (!method.getName().startsWith("when")) {
          continue;
        }
        boolean fromInterface = isDeclaredBy(LlmScripting.class, method);
        assertTrue(fromInterface || HTTP_ONLY_MATCHERS.contains(signature(method)),
            () -> stub.getSimpleName() + "." + signature(method) + " is not declared by LlmScripting: declare it "
                + "there (a default method) so every stub has it");
        assertTrue(method.getReturnType() == RequestStubbing.class, () -> signature(method) + " returns a stubbing");
      }
    }
  }

  @Test
  void aStubbingAnswersWithTheReplyVocabulary() {
    assertTrue(ReplyVocabulary.class.isAssignableFrom(RequestStubbing.class));
    Set<String> vocabulary = signatures(Stream.of(ReplyVocabulary.class.getMethods()));
    assertTrue(vocabulary.containsAll(Set.of("reply(LlmReply)", "replyWithText(String)",
        "replyWithToolCall(String, String)", "replyWithToolCalls(ToolCall[])", "reply(ChatResponse)",
        "replyWith(Function)", "failWith(LlmException)", "failWithRateLimit()", "failWithServerError()")),
        () -> "ReplyVocabulary declares " + vocabulary);
    Set<String> ownReplies = signatures(Arrays.stream(RequestStubbing.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()) && method.getName().matches("reply.*|fail.*")));
    assertEquals(Set.of("reply(LlmReply)"), ownReplies, "RequestStubbing only implements the vocabulary's one "
        + "abstract method; the shorthands are the vocabulary's defaults");
  }

  @Test
  void aReplyChainSpeaksTheVocabularyAsThenAndTheModifiersOfLlmReply() {
    Set<String> expected = new TreeSet<>();
    for (Method method : ReplyVocabulary.class.getMethods()) {
      String name = method.getName();
      expected.add(signatureOf("then" + Character.toUpperCase(name.charAt(0)) + name.substring(1), method));
    }
    for (Method method : LlmReply.class.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getReturnType() == LlmReply.class) {
        expected.add(signature(method));
      }
    }
    Set<String> chain = signatures(Arrays.stream(ReplyChain.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()) && method.getReturnType() == ReplyChain.class));

    assertEquals(expected, chain);
  }

  private static Set<String> whenMethods(Class<?> stub) {
    return signatures(Stream.of(stub.getMethods()).filter(method -> method.getName().startsWith("when")));
  }

  private static boolean isDeclaredBy(Class<?> type, Method method) {
    try {
      type.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Set<String> signatures(Stream<Method> methods) {
    return methods.map(OneScriptingSurfaceTest::signature).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method method) {
    return signatureOf(method.getName(), method);
  }

  private static String signatureOf(String name, Method method) {
    return name + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
