package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.examples.langchain4j.WeatherAssistant;
import dev.agenttrace.examples.langchain4j.WeatherDesk;
import dev.agenttrace.examples.langchain4j.WeatherTools;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.langchain4j.LangChain4jTracing;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reports of the LangChain4j weather agents in a real headless Chromium: the graph shows the tool under the LLM
 * call that requested it (a {@code requests} edge, matched by tool call id), for an AI service and for an agentic
 * sequence, where the desk's node calls each sub-agent's.
 */
@AgentTest
class LangChain4jReportBrowserTest extends BrowserTest {
  private static final String WEATHER = "{\"tempC\":18,\"sky\":\"sunny\"}";

  private ChatModel model;

  @BeforeEach
  void stub(OpenAiStub openAi) {
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    openAi.whenLastUserMessageContains("Which city").replyWithText("Paris");
    model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o")
        .maxRetries(0).build();
  }

  @Test
  void anAiServicesToolHangsUnderTheLlmCallThatRequestedIt(LangChain4jTracing tracing, Supplier<AgentTrace> trace,
      @TempDir Path dir) {
    tracing.aiService(WeatherAssistant.class, model).tools(new WeatherTools(city -> WEATHER)).build()
        .ask("What's the weather in Paris?");

    WebElement graph = openGraph(trace.get(), dir.resolve("assistant.html"));

    assertThat(graph.findElements(By.cssSelector("g.node.seg"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.node.llm"))).hasSize(2);
    assertThat(graph.findElements(By.cssSelector("g.node.tool"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.edge.requests"))).hasSize(1);
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  @Test
  void anAgenticSequenceShowsEachAgentWithItsCalls(LangChain4jTracing tracing, Supplier<AgentTrace> trace,
      @TempDir Path dir) {
    new WeatherDesk(tracing.chatModel(model), new WeatherTools(city -> WEATHER), tracing.agentListener(),
        tracing.toolExecutionErrorHandler()).ask("What's the weather in Paris?");

    WebElement graph = openGraph(trace.get(), dir.resolve("desk.html"));

    assertThat(graph.findElements(By.cssSelector("g.node.seg"))).hasSize(3);
    assertThat(graph.findElements(By.cssSelector("g.node.llm"))).hasSize(3);
    assertThat(graph.findElements(By.cssSelector("g.node.tool"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.edge.requests"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.edge.calls"))).hasSize(2)
        .allSatisfy(edge -> assertThat(edge.getText()).isEqualTo("calls"));
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  private WebElement openGraph(AgentTrace trace, Path file) {
    Path report = HtmlReport.write(trace, ReportInfo.titled(file.getFileName().toString())
        .withStatus(ReportInfo.Status.PASSED), file);
    ChromeDriver page = chromium.open(report);
    page.findElement(By.id("tab-graph")).click();
    page.findElement(By.id("graph-expanded")).click();
    return page.findElement(By.id("graph-svg"));
  }
}
