package dev.agenttrace.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;

/** Completes a future with a streamed call's final response or error. */
final class StreamingHandler implements StreamingChatResponseHandler {
  private final CompletableFuture<ChatResponse> done;

  StreamingHandler(CompletableFuture<ChatResponse> done) {
    this.done = done;
  }

  @Override
  public void onPartialResponse(String partialResponse) {}

  @Override
  public void onCompleteResponse(ChatResponse response) {
    done.complete(response);
  }

  @Override
  public void onError(Throwable error) {
    done.completeExceptionally(error);
  }
}
