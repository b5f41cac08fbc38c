package dev.agenttrace.junit;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.capture.TracingAdapterFactory;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A framework adapter for tests of adapter injection: writes named spans into its test's capture. */
final class RecordingAdapter implements AutoCloseable {
  /** Adapters closed so far in this JVM, for the test that checks the extension closes them. */
  static final Queue<RecordingAdapter> CLOSED = new ConcurrentLinkedQueue<>();

  private final TraceCapture capture;

  private RecordingAdapter(TraceCapture capture) {
    this.capture = capture;
  }

  void writeSpan(String name) {
    capture.tracer("recording-adapter").spanBuilder(name).startSpan().end();
  }

  @Override
  public void close() {
    CLOSED.add(this);
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class Factory implements TracingAdapterFactory<RecordingAdapter> {
    @Override
    public Class<RecordingAdapter> adapterType() {
      return RecordingAdapter.class;
    }

    @Override
    public RecordingAdapter create(TraceCapture capture) {
      return new RecordingAdapter(capture);
    }
  }
}
