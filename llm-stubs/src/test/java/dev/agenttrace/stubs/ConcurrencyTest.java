package dev.agenttrace.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 250;
  private static final int TOTAL = THREADS * CALLS_PER_THREAD;

  private final AtomicLong sleptMillis = new AtomicLong();

  /** Runs {@code task} CALLS_PER_THREAD times on each of THREADS threads, all starting together. */
  private <T> List<T> hammer(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          List<T> results = new ArrayList<>();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            results.add(task.call());
          }
          return results;
        }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> future : futures) {
        all.addAll(future.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void llmStubCountsAndLimitsAreExactUnderContention() throws Exception {
    LlmStub llm = LlmStub.builder().sleeper(d -> sleptMillis.addAndGet(d.toMillis())).build();
    llm.whenAnyRequest().replyWithText("fallback");
    llm.whenAnyRequest().replyWithText("limited").times(1000).withLatency(Duration.ofMillis(3));

    List<ChatResponse> responses = hammer(() -> llm.chat(Conversations.user("hi")));

    Map<String, Integer> byText = new ConcurrentHashMap<>();
    responses.forEach(response -> byText.merge(response.text(), 1, Integer::sum));
    assertEquals(Map.of("limited", 1000, "fallback", TOTAL - 1000), byText);
    assertEquals(TOTAL, llm.requestCount());
    assertEquals(TOTAL, llm.requests().size());
    assertEquals(3000, sleptMillis.get());
    Set<String> ids = ConcurrentHashMap.newKeySet();
    responses.forEach(response -> ids.add(response.id()));
    assertEquals(TOTAL, ids.size(), "response ids are unique");
  }

  @Test
  void turnsAreHandedOutOnceEach() throws Exception {
    LlmStub llm = LlmStub.builder().sleeper(d -> { }).build();
    llm.whenAnyRequest().replyWithText("other");
    llm.whenTurn(TOTAL / 2).replyWithText("the turn");

    List<ChatResponse> responses = hammer(() -> llm.chat(Conversations.user("hi")));

    assertEquals(1, responses.stream().filter(r -> r.text().equals("the turn")).count());
  }

  @Test
  void toolStubsCountsAndSequencesAreExactUnderContention() throws Exception {
    ToolStubs tools = ToolStubs.builder().sleeper(d -> sleptMillis.addAndGet(d.toMillis())).build();
    tools.stub("a").returns("first").thenReturns("second").thenReturns("rest").withLatency(Duration.ofMillis(1));
    tools.stub("b").answers(call -> call.arguments());
    AtomicLong counter = new AtomicLong();

    List<String> results = hammer(() -> {
      long n = counter.incrementAndGet();
      String name = n % 2 == 0 ? "a" : "b";
      return tools.execute(new ToolCall("call_" + n, name, "{\"n\":" + n + "}"));
    });

    assertEquals(TOTAL, tools.callCount());
    assertEquals(TOTAL / 2, tools.callCount("a"));
    assertEquals(TOTAL / 2, tools.callCount("b"));
    assertEquals(1, results.stream().filter("first"::equals).count());
    assertEquals(1, results.stream().filter("second"::equals).count());
    assertEquals(TOTAL / 2 - 2, results.stream().filter("rest"::equals).count());
    assertEquals(TOTAL / 2, sleptMillis.get());
  }
}
