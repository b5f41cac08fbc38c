package dev.agenttrace.stubs.http;

/**
 * One fault a stub's {@link Chaos} injected: which request got it (1-based, in arrival order), what it was and the
 * detail that makes it reproducible (e.g. {@code cut after event 3 of 9}).
 *
 * @param request the request number, counted by the stub from when its chaos was set
 * @param fault the fault
 * @param detail what exactly was done
 */
public record InjectedFault(int request, Chaos.Fault fault, String detail) {
  @Override
  public String toString() {
    return "#" + request + " " + fault + " (" + detail + ")";
  }
}
