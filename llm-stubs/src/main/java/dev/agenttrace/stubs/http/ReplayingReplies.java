package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.redaction.RedactionPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Replay mode: answers each request with the first not yet replayed exchange of the cassette whose path, query and
 * JSON body equal the request's once scrubbed as recording scrubbed them (so a request that carries a secret still
 * finds its recording). A request the cassette does not hold gets a provider error and is remembered as
 * unmatched, with the recorded requests listed; the report shows the request scrubbed too.
 */
final class ReplayingReplies implements ReplySource {
  private final Path file;
  private final List<Cassette.Interaction> interactions;
  private final boolean[] used;
  private final WireFormat format;
  private final Consumer<AssertionError> unmatched;
  private final RedactionPolicy redaction;

  ReplayingReplies(Path file, WireFormat format, Consumer<AssertionError> unmatched, RedactionPolicy redaction) {
    this.redaction = redaction;
    this.file = file;
    this.interactions = Cassette.read(file);
    this.used = new boolean[interactions.size()];
    this.format = format;
    this.unmatched = unmatched;
  }

  @Override
  public synchronized Outcome answer(HttpExchange exchange, JsonNode body, ChatRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.headers().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
    Scrubber scrubber = new Scrubber(headers, redaction);
    String path = scrubber.path(exchange.pathAndQuery());
    String scrubbedBody = scrubber.text(exchange.body());
    for (int i = 0; i < interactions.size(); i++) {
      Cassette.Interaction interaction = interactions.get(i);
      if (!used[i] && interaction.path().equals(path)
          && Cassette.sameJson(interaction.requestBody(), scrubbedBody)) {
        used[i] = true;
        return Outcome.passedThrough(new WireResponse(interaction.status(), interaction.responseHeaders(),
            interaction.responseBody(), null));
      }
    }
    // the report goes to CI logs: it shows the request as scrubbed, like the recordings it lists
    StringBuilder message = new StringBuilder("Cassette ").append(file).append(" has no unused recording of ")
        .append(path).append(" with body\n  ").append(scrubbedBody).append("\nRecorded requests:\n");
    for (int i = 0; i < interactions.size(); i++) {
      message.append("  ").append(i + 1).append(used[i] ? ". (replayed) " : ". ").append(interactions.get(i).path())
          .append(' ').append(interactions.get(i).requestBody()).append('\n');
    }
    message.append("Re-record the cassette, or fix the request.");
    unmatched.accept(new AssertionError(message.toString()));
    LlmException failure = new LlmException("agenttrace_unmatched_request", ScriptedReplies.UNMATCHED_STATUS,
        message.toString());
    return Outcome.failed(WireResponse.error(ScriptedReplies.UNMATCHED_STATUS,
        format.errorBody(ScriptedReplies.UNMATCHED_STATUS, failure)), failure);
  }
}
