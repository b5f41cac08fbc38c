package dev.agenttrace.examples.springai;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context every test of the weather application shares (Spring caches it across test classes
 * because they all declare exactly this): the application, its OpenAI chat model pointed at {@link StubbedOpenAi}, and
 * the agent name agenttrace-spring-ai gives its {@code ChatClient} calls.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {WeatherApplication.class, StubbedOpenAi.class},
    properties = "agenttrace.spring-ai.agent-name=WeatherAgent")
@interface WeatherApplicationTest {}
