/**
 * LangChain4j agents traced in AgentTrace's span conventions: {@link dev.agenttrace.langchain4j.LangChain4jTracing}
 * turns LangChain4j's own listener APIs (chat model listeners, AI-service events and tool hooks, the agentic
 * {@code AgentListener}) into agent, chat and tool spans written by core's one span writer.
 *
 * <p>Depends on {@code agenttrace-core} and LangChain4j only; {@code langchain4j-agentic} is optional.
 */
package dev.agenttrace.langchain4j;
