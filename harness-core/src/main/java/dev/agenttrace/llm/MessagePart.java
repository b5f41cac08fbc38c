package dev.agenttrace.llm;

/**
 * One part of a {@link Message}: text, a tool call the model requests, or the result of a tool call. Mirrors the
 * {@code TextPart}, {@code ToolCallRequestPart} and {@code ToolCallResponsePart} of the GenAI message schema, so a
 * message maps 1:1 onto {@code gen_ai.input.messages}.
 */
public sealed interface MessagePart permits TextPart, ToolCall, ToolResult {}
