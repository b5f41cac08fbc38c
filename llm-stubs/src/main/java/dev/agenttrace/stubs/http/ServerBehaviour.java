package dev.agenttrace.stubs.http;

/**
 * How one stub's server behaves beyond its script, changeable while it runs: the chaos it injects and how it paces
 * streams. Shared by the stub, its reply source and its server.
 */
final class ServerBehaviour {
  private volatile ChaosEngine chaos = ChaosEngine.off();
  private volatile StreamPacing pacing = StreamPacing.wholeStream();

  ChaosEngine chaos() {
    return chaos;
  }

  void chaos(ChaosEngine engine) {
    this.chaos = engine;
  }

  StreamPacing pacing() {
    return pacing;
  }

  void pacing(StreamPacing value) {
    this.pacing = value;
  }
}
