package dev.agenttrace.junit;

import java.util.Optional;

/**
 * Started by {@link RunIdTest} the way Surefire starts a fork (through {@code sh -c}): prints the run id this JVM
 * derives when its command is Surefire's booter.
 */
final class RunIdOfAForkedJvm {
  private RunIdOfAForkedJvm() {}

  public static void main(String[] args) {
    System.out.println(RunId.resolve(Optional.empty(), "/p/target/surefire/surefirebooter-1.jar /p/target/surefire",
        ProcessHandle.current()));
  }
}
