package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code json_field}: one field of an attribute that holds JSON, by a dotted path ({@code usage.input_tokens},
 * {@code type}), as an attribute of its own — e.g. the error type inside the durable runtime's {@code agent.error}.
 */
final class JsonField implements SpanTransform {
  private final Template from;
  private final String[] path;
  private final String target;

  JsonField(TransformParams params) {
    this.from = params.template("from");
    this.path = params.required("path").split("\\.");
    this.target = params.required("to");
  }

  @Override
  public void apply(SpanRewrite span) {
    if (span.has(target)) {
      return;
    }
    from.resolve(span).flatMap(span::text).flatMap(ChatJson::parse).ifPresent(json -> {
      JsonNode node = json;
      for (String field : path) {
        node = node.path(field);
      }
      if (node.isIntegralNumber()) {
        span.put(target, node.asLong());
      } else if (node.isNumber()) {
        span.put(target, node.asDouble());
      } else {
        span.put(target, ChatJson.text(node));
      }
    });
  }
}
