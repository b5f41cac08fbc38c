package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
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
  void aSurefireForkBelongsToTheRunOfItsMavenJvm() {
    long parent = SELF.parent().orElseThrow().pid();

    assertThat(RunId.resolve(Optional.empty(),
        "/p/target/surefire/surefirebooter-20261201_1.jar /p/target/surefire 2026-12-01T10-00-00_1-jvmRun2", SELF))
        .startsWith("maven-" + parent + "-");
    assertThat(RunId.resolve(Optional.empty(), "org.apache.maven.surefire.booter.ForkedBooter /p/target", SELF))
        .startsWith("maven-" + parent + "-");
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
