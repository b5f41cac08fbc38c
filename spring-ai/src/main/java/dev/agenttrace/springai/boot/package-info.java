/**
 * The Spring Boot test auto-configuration of agenttrace-spring-ai:
 * {@link dev.agenttrace.springai.boot.AgentTraceSpringAiAutoConfiguration} (registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}) traces the Spring AI
 * observations of an application under {@code @SpringBootTest} into each test's trace through the shared global
 * capture.
 *
 * <p>May use {@code dev.agenttrace.springai}, Spring Boot's auto-configuration API and Spring AI.
 */
package dev.agenttrace.springai.boot;
