package dev.agenttrace.stubs.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An event stream body read chunk by chunk: each {@code read} returns at most the rest of one chunk and waits as the
 * {@link StreamPacing} says before starting the next, so the server writes (and, with output aggregation off,
 * flushes) one chunk per write.
 */
final class PacedEventStream extends InputStream {
  private final List<byte[]> chunks;
  private final StreamPacing pacing;
  private int chunk;
  private int offset;

  PacedEventStream(String stream, StreamPacing pacing) {
    this.pacing = pacing;
    this.chunks = new ArrayList<>();
    List<String> events = SseEvents.split(stream);
    int size = pacing.eventsPerChunk();
    for (int start = 0; start < events.size(); start += size) {
      chunks.add(String.join("", events.subList(start, Math.min(events.size(), start + size)))
          .getBytes(StandardCharsets.UTF_8));
    }
    this.chunk = -1;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int from, int length) {
    if (length == 0) {
      return 0;
    }
    if (chunk < 0 || offset == chunks.get(chunk).length) {
      if (chunk + 1 >= chunks.size()) {
        return -1;
      }
      chunk++;
      offset = 0;
      pacing.awaitChunk(chunk);
    }
    byte[] current = chunks.get(chunk);
    int count = Math.min(length, current.length - offset);
    System.arraycopy(current, offset, buffer, from, count);
    offset += count;
    return count;
  }
}
