package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunIdTest {
  private static final ProcessHandle SELF = ProcessHandle.current();

  @Test
  void anExplicitRunIdWins() {
    assertThat(RunId.resolve(Optional.of(" ci-build-42 "), "surefirebooter.jar", SELF)).isEqualTo("ci-build-42");
  }

  @Test
  void aBlankRunIdIsExplained() {
    assertThatThrownBy(() -> RunId.resolve(Optional.of(" "), "", SELF))
        .hasMessageContaining("agenttrace.run.id is blank");
  }

  @Test
  void aSurefireForkBelongsToTheRunOfTheJvmThatForkedItThroughAShell() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process shell = new ProcessBuilder("sh", "-c", "\"$0\" -cp \"$1\" \"$2\"; exit $?", java,
        System.getProperty("java.class.path"), RunIdOfAForkedJvm.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(shell.waitFor(120, TimeUnit.SECONDS)).as("the forked JVM ends within two minutes").isTrue();
    String runId = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

    assertThat(shell.exitValue()).isZero();
    assertThat(runId).isEqualTo("maven-" + SELF.pid() + "-" + SELF.info().startInstant().orElseThrow().toEpochMilli());
  }

  @Test
  void theRunOfASurefireForkWithoutAJvmAboveItIsItsOwn() {
    assertThat(RunId.resolve(Optional.empty(), "org.apache.maven.surefire.booter.ForkedBooter /p/target",
        ProcessHandle.of(1).orElseThrow())).startsWith("jvm-1");
  }

  @Test
  void anyOtherJvmIsARunOfItsOwn() {
    String ide = RunId.resolve(Optional.empty(),
        "com.intellij.rt.junit.JUnitStarter -ideVersion5 dev.agenttrace.WeatherTest", SELF);
    String mavenInProcess = RunId.resolve(Optional.empty(),
        "org.codehaus.plexus.classworlds.launcher.Launcher test -Dsurefire.failIfNoSpecifiedTests=false", SELF);

    assertThat(ide).startsWith("jvm-" + SELF.pid() + "-").isEqualTo(mavenInProcess);
  }
}
