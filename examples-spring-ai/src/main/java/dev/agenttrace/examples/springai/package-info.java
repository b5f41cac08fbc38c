/**
 * The weather agent as a Spring AI {@code ChatClient} application with a {@code @Tool get_weather}; its
 * {@code @SpringBootTest}s trace it with agenttrace-spring-ai.
 */
package dev.agenttrace.examples.springai;
