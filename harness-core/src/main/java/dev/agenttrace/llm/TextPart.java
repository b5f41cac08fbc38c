package dev.agenttrace.llm;

import java.util.Objects;

/** Plain text in a message ({@code {"type":"text","content":...}}). */
public record TextPart(String content) implements MessagePart {
  public TextPart {
    Objects.requireNonNull(content, "content");
  }
}
