package dev.agenttrace.stubs.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * How an HTTP stub sends its event streams: all at once ({@link #wholeStream()}, the default and the fastest), or in
 * chunks of a few events, each flushed to the client on its own, with a pause between chunks. A test can also hold the
 * stream before a chunk until it releases a latch, to prove the client acts on the first events before the last are
 * sent. Pauses and holds are real time (the client reads a real socket) and bounded. Immutable.
 *
 * <pre>{@code
 * openAi.streamPacing(StreamPacing.eventsPerChunk(1).pauseBetweenChunks(Duration.ofMillis(20)));
 * openAi.streamPacing(StreamPacing.eventsPerChunk(1).holdBeforeChunk(2, firstEventSeen));
 * }</pre>
 */
public final class StreamPacing {
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private final int eventsPerChunk;
  private final Duration pause;
  private final int holdBefore;
  private final CountDownLatch release;
  private final Duration holdAtMost;

  private StreamPacing(int eventsPerChunk, Duration pause, int holdBefore, CountDownLatch release,
      Duration holdAtMost) {
    this.eventsPerChunk = eventsPerChunk;
    this.pause = pause;
    this.holdBefore = holdBefore;
    this.release = release;
    this.holdAtMost = holdAtMost;
  }

  /** The whole stream in one write (the default). */
  public static StreamPacing wholeStream() {
    return new StreamPacing(0, Duration.ZERO, 0, null, Duration.ZERO);
  }

  /** Chunks of {@code events} SSE events, each flushed on its own, no pause between them. */
  public static StreamPacing eventsPerChunk(int events) {
    if (events < 1) {
      throw new IllegalArgumentException("A chunk carries at least 1 event but was asked for " + events);
    }
    return new StreamPacing(events, Duration.ZERO, 0, null, Duration.ZERO);
  }

  /** Waits {@code pause} (real time, at most 10 s) before every chunk after the first. */
  public StreamPacing pauseBetweenChunks(Duration pause) {
    Objects.requireNonNull(pause, "pause");
    if (pause.isNegative() || pause.compareTo(LONGEST_PAUSE) > 0) {
      throw new IllegalArgumentException("A pause between chunks is between 0 and " + LONGEST_PAUSE + " but was "
          + pause);
    }
    return new StreamPacing(chunked(), pause, holdBefore, release, holdAtMost);
  }

  /**
   * Holds the stream before chunk {@code chunk} (1-based; 2 = after the first) until {@code release} opens, or 10 s
   * at most (then the stream goes on, so a broken test never hangs).
   */
  public StreamPacing holdBeforeChunk(int chunk, CountDownLatch release) {
    return holdBeforeChunk(chunk, release, LONGEST_PAUSE);
  }

  /** Like {@link #holdBeforeChunk(int, CountDownLatch)}, holding {@code atMost} at most. */
  public StreamPacing holdBeforeChunk(int chunk, CountDownLatch release, Duration atMost) {
    if (chunk < 2) {
      throw new IllegalArgumentException("Only chunk 2 or later can be held (the first one opens the stream) but was "
          + chunk);
    }
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(atMost, "atMost");
    return new StreamPacing(chunked(), pause, chunk, release, atMost);
  }

  private int chunked() {
    return eventsPerChunk == 0 ? 1 : eventsPerChunk;
  }

  /** Whether streams go out in one write. */
  public boolean isWholeStream() {
    return eventsPerChunk == 0;
  }

  public int eventsPerChunk() {
    return eventsPerChunk;
  }

  public Duration pauseBetweenChunks() {
    return pause;
  }

  /** Waits before chunk {@code index} (0-based) as configured; an interrupt ends the wait and is kept. */
  void awaitChunk(int index) {
    try {
      if (index > 0 && !pause.isZero()) {
        Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
      }
      if (release != null && index == holdBefore - 1) {
        release.await(holdAtMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return isWholeStream() ? "whole stream" : eventsPerChunk + " event(s) per chunk, " + pause.toMillis()
        + " ms apart" + (release == null ? "" : ", held before chunk " + holdBefore);
  }
}
