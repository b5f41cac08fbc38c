package dev.agenttrace.springai.boot;

import dev.agenttrace.springai.SpringAiObservationHandler;
import dev.agenttrace.springai.ToolFailureRecorder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Traces a Spring AI application under {@code @SpringBootTest} into each test's trace: every
 * {@link ObservationRegistry} of the application context gets a {@link SpringAiObservationHandler} writing through
 * the JVM's shared global capture, which attributes each span to the test whose capture scope is current where the
 * Spring AI call starts ({@code @AgentTest(globalOpenTelemetry = true)}) — so one application context serves many
 * tests, also in parallel. Every {@code ToolExecutionExceptionProcessor} is wrapped in a {@link ToolFailureRecorder},
 * so failing tools are errors in the trace while the application still handles them as configured.
 *
 * <p>Active whenever {@code agenttrace-spring-ai} is on the class path (a test dependency) and Spring AI is, unless
 * {@code agenttrace.spring-ai.enabled=false}. Without Spring Boot's observation auto-configuration (actuator) it
 * provides the {@code ObservationRegistry} Spring AI needs to observe anything. Properties:
 * {@code agenttrace.spring-ai.agent-name} names the {@code invoke_agent} span of {@code ChatClient} calls that name no
 * agent themselves (default {@value SpringAiObservationHandler#DEFAULT_AGENT_NAME}).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(name = {
    "org.springframework.ai.chat.observation.ChatModelObservationContext",
    "org.springframework.ai.chat.client.observation.ChatClientObservationContext"})
@ConditionalOnProperty(prefix = "agenttrace.spring-ai", name = "enabled", havingValue = "true", matchIfMissing = true)
public class AgentTraceSpringAiAutoConfiguration {
  /** The property naming the agent of {@code ChatClient} calls that name none. */
  public static final String AGENT_NAME_PROPERTY = "agenttrace.spring-ai.agent-name";

  /** The registry Spring AI observes in, when the application has none (no actuator). */
  @Bean
  @ConditionalOnMissingBean(ObservationRegistry.class)
  public ObservationRegistry agentTraceObservationRegistry() {
    return ObservationRegistry.create();
  }

  /** Registers the span-writing handler on the registries and notes tool failures; see the class comment. */
  @Bean
  public static BeanPostProcessor agentTraceSpringAiPostProcessor(Environment environment,
      ObjectProvider<ObservationRegistry> registries) {
    SpringAiObservationHandler handler = SpringAiObservationHandler.writingToGlobalCapture()
        .withDefaultAgentName(environment.getProperty(AGENT_NAME_PROPERTY,
            SpringAiObservationHandler.DEFAULT_AGENT_NAME));
    return new SpringAiTracingPostProcessor(handler,
        () -> registries.getIfUnique(() -> ObservationRegistry.NOOP));
  }
}
